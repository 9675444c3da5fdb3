package com.certcare.gateway.routing;

import java.net.URI;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.proxy.handler.ProxyHandler;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Installs the configured routes on the HTTP router: each service's prefixes are reverse-proxied to
 * it with headers (Authorization, X-Request-Id, Accept-Language) passed on; {@code /openapi/<name>}
 * serves that service's OpenAPI document. Token checks and CORS run before these routes (see
 * application.properties).
 */
@ApplicationScoped
public class RouteTable {

    private static final Logger LOG = Logger.getLogger(RouteTable.class);

    void install(@Observes Router router, Vertx vertx, GatewayConfig config) {
        RequestIdHandler requestIds = new RequestIdHandler();
        for (Map.Entry<String, GatewayConfig.Service> entry : config.services().entrySet()) {
            String name = entry.getKey();
            URI target = URI.create(entry.getValue().url());
            HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                    .setDefaultHost(target.getHost())
                    .setDefaultPort(target.getPort()));

            HttpProxy api = HttpProxy.reverseProxy(client).origin(target.getPort(), target.getHost());
            for (String prefix : entry.getValue().prefixes()) {
                router.route(prefix).handler(requestIds).handler(ProxyHandler.create(api));
                router.route(prefix + "/*").handler(requestIds).handler(ProxyHandler.create(api));
                LOG.infof("route %s/** -> %s (%s)", prefix, target, name);
            }

            HttpProxy openApi = HttpProxy.reverseProxy(client).origin(target.getPort(), target.getHost());
            openApi.addInterceptor(new ProxyInterceptor() {
                @Override
                public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
                    context.request().setURI("/q/openapi?format=json");
                    return context.sendRequest();
                }
            });
            router.get("/openapi/" + name).handler(requestIds).handler(ProxyHandler.create(openApi));
        }
    }
}
