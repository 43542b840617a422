/** {@code medfund registry …}: list regions and organisations, show a region or organisation with its accounts. */
package org.medfund.cli.registry;
