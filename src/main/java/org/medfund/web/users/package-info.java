/** Web adapter of {@code users}: the administrators' user list page and the users API. */
package org.medfund.web.users;
