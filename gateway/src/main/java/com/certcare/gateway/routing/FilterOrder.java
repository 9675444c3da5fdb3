package com.certcare.gateway.routing;

/**
 * The order of the gateway's filters among Quarkus's own (a higher priority runs first): every request gets its id
 * and is timed first; then Quarkus's CORS filter (300) puts its headers on whatever is answered after it; then the
 * cheap refusals (an address too long, a public client over its rate), before the token is verified (Quarkus's
 * authentication, 200) or anything is proxied.
 */
public final class FilterOrder {

    public static final int REQUEST_ID = 5000;
    public static final int REQUEST_LOG = 4000;
    // io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities.CORS = 300, AUTHENTICATION = 200
    public static final int URI_LENGTH = 290;
    public static final int PUBLIC_RATE = 280;

    private FilterOrder() {
    }
}
