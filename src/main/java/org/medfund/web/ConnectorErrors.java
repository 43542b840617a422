package org.medfund.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Errors Tomcat answers itself, before any filter or servlet runs — a URL with an encoded NUL ({@code %00}) or another
 * character it cannot decode — in the app's own forms: a problem on the API, a short Chinese page elsewhere, instead
 * of Tomcat's English HTML with its server name.
 */
@Configuration
@ConditionalOnWebApplication
class ConnectorErrors {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> connectorErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(Valve.class.getName());
            }
        });
    }

    /** Tomcat's error report, written as medfund writes its errors. Public: Tomcat creates it by class name. */
    public static class Valve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            String uri = request.getDecodedRequestURI() == null ? request.getRequestURI()
                    : request.getDecodedRequestURI();
            boolean api = uri != null && (uri.equals("/api") || uri.startsWith("/api/"));
            String detail = status == 400 ? "请求地址含有控制字符或无效编码" : "请求无法处理";
            try {
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer out = response.getReporter();
                if (out == null) {
                    return;
                }
                if (api) {
                    response.setContentType("application/problem+json");
                    out.write("{\"type\":\"urn:medfund:problem:request.invalid-value\",\"title\":\""
                            + (status == 400 ? "Bad Request" : "Error") + "\",\"status\":" + status
                            + ",\"detail\":\"" + detail + "\",\"code\":\"request.invalid-value\",\"field\":\"path\"}");
                } else {
                    response.setContentType("text/html");
                    out.write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>出错了</title>"
                            + "</head><body><h1>出错了</h1><p>状态 " + status + "：" + detail
                            + "</p><p><a href=\"/\">返回首页</a></p></body></html>");
                }
            } catch (IOException | IllegalStateException e) {
                // The connection is gone or the response committed: nothing more can be said.
            }
        }
    }
}
