package org.medfund.registry;

/**
 * A pooling region (统筹区) or an administrative level above it, keyed by its 6-digit administrative code.
 *
 * @param parentCode null for a province
 */
public record Region(String code, String name, RegionLevel level, String parentCode) {
}
