package org.medfund.registry;

/** Administrative level of a region. County-level units include districts and development zones. */
public enum RegionLevel {
    PROVINCE, CITY, COUNTY
}
