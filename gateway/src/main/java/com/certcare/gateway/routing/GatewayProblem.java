package com.certcare.gateway.routing;

import java.time.Duration;
import java.util.Locale;

import org.jboss.logging.Logger;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * The gateway's own error answers, as RFC 9457 problem+json like every service's, in zh-CN (default) or
 * English by Accept-Language: a back end that is down (502), overloaded or not taking connections (503),
 * too slow (504), a client over its rate (429), a missing or invalid token (401) or one that cannot be checked now
 * (503), a page of another origin (403), no such path (404), a malformed path (400), CONNECT or TRACE (405), a body too large (413), an
 * address too long (414), a fault of the gateway's own (500), a request that arrives while it stops (503).
 */
public enum GatewayProblem {

    BAD_GATEWAY(502, "backend-unavailable", "服务暂不可用", "Service unavailable",
            "后端服务无法连接，请稍后重试。", "The service behind this path cannot be reached; try again later."),
    OVERLOADED(503, "backend-overloaded", "服务繁忙", "Service busy",
            "请求过多，请稍后重试。", "Too many requests are waiting for this service; try again later."),
    TIMEOUT(504, "backend-timeout", "服务响应超时", "Service timed out",
            "后端服务未在规定时间内响应。", "The service did not answer in time."),
    RATE_LIMITED(429, "rate-limited", "请求过于频繁", "Too many requests",
            "请求过于频繁，请稍后重试。", "You are sending requests too fast; wait and try again."),
    NOT_FOUND(404, "not-found", "地址不存在", "Not found",
            "没有与此地址对应的服务。", "No service answers this path."),
    UNAUTHORIZED(401, "unauthorized", "未登录", "Not signed in",
            "请先登录：此地址需要有效的访问令牌。", "Sign in first: this path needs a valid access token."),
    ORIGIN_REFUSED(403, "origin-not-allowed", "来源不被允许", "Origin not allowed",
            "此网页的来源不允许调用本接口。", "Pages from this origin may not call this API."),
    BAD_PATH(400, "malformed-path", "请求地址无效", "Malformed address",
            "请求地址中含有无效的百分号编码。", "The address has an invalid percent-encoding."),
    SIGN_IN_UNAVAILABLE(503, "sign-in-unavailable", "暂时无法验证登录", "Sign-in cannot be checked now",
            "暂时无法验证访问令牌，请稍后重试。", "Your access token cannot be checked at the moment; try again later."),
    STOPPING(503, "gateway-stopping", "网关正在停止", "Gateway stopping",
            "网关正在停止服务，请稍后重试。", "The gateway is stopping; try again in a moment."),
    INTERNAL(500, "gateway-error", "网关内部错误", "Gateway error",
            "网关处理此请求时出错，已记录。", "The gateway failed on this request; it has been logged."),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "不支持的请求方法", "Method not allowed",
            "此接口不接受该请求方法。", "This API does not take this method."),
    TOO_LARGE(413, "body-too-large", "请求体过大", "Request body too large",
            "请求体超过此服务接受的大小。", "The request body is larger than this service takes."),
    URI_TOO_LONG(414, "uri-too-long", "请求地址过长", "Address too long",
            "请求地址（路径与查询条件）过长，请缩短查询条件。", "The address (path and query) is too long; shorten the query.");

    final int status;
    private final String code;
    private final String titleZh;
    private final String titleEn;
    private final String detailZh;
    private final String detailEn;

    GatewayProblem(int status, String code, String titleZh, String titleEn, String detailZh, String detailEn) {
        this.status = status;
        this.code = code;
        this.titleZh = titleZh;
        this.titleEn = titleEn;
        this.detailZh = detailZh;
        this.detailEn = detailEn;
    }

    /**
     * A fault of the gateway's own while it handled a request: logged, and answered 500 as a problem (or the answer
     * reset, if it had begun, and counted 500), so the request neither hangs nor stays among those under way.
     */
    public static void fault(HttpServerRequest request, Exchange exchange, RuntimeException e) {
        Logger.getLogger(GatewayProblem.class).errorf(e, "%s %s: failed in the gateway", request.method(), shortened(request.path()));
        HttpServerResponse response = request.response();
        if (response.closed() || response.ended()) {
            return;
        }
        if (response.headWritten()) {
            exchange.resetAs(500);
            response.reset();
        } else {
            request.resume();
            response.headers().clear(); // nothing a service's answer may have put there already (its length)
            INTERNAL.send(request, null);
        }
    }

    /**
     * Sends this problem unless an answer was started already; {@code retryAfter} may be null. Completes when the
     * answer has been written (at once if none was sent).
     */
    public Future<Void> send(HttpServerRequest request, Duration retryAfter) {
        HttpServerResponse response = request.response();
        if (response.headWritten() || response.ended() || response.closed()) {
            return Future.succeededFuture();
        }
        boolean en = english(request.getHeader("Accept-Language"));
        JsonObject body = new JsonObject()
                .put("type", "urn:certcare:problem:" + code)
                .put("title", en ? titleEn : titleZh)
                .put("status", status)
                .put("detail", en ? detailEn : detailZh)
                .put("instance", shortened(request.path()));
        response.setStatusCode(status).putHeader("Content-Type", "application/problem+json");
        if (retryAfter != null) {
            response.putHeader("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
        }
        return response.end(body.encode());
    }

    /** The path as the problem's instance, cut at 256 characters (a 414's path may be tens of kilobytes). */
    private static String shortened(String path) {
        return path == null || path.length() <= 256 ? path : path.substring(0, 256) + "…";
    }

    /** English when the caller's first preferred language is English; Chinese otherwise. */
    static boolean english(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return false;
        }
        String first = acceptLanguage.split(",")[0].trim().toLowerCase(Locale.ROOT);
        return first.startsWith("en");
    }
}
