/**
 * {@code medfund demo}: replays a year of the five regions by business date, one {@code DemoStep} per capability,
 * each going through that capability's facade as staff would.
 */
package org.medfund.cli.demo;
