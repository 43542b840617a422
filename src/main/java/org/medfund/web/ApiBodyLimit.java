package org.medfund.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A bound on every API request body (issue 11 #1): a JSON body is read whole into memory, so without one a single
 * client could take the heap. A declared length above the bound is refused at once with 413 {@code
 * request.too-large}; a chunked body is counted while it is read and refused the same way when it passes the bound.
 * The bound ({@code medfund.api.body-max}, default 32MB) is above the largest valid call (a settlement batch of
 * 10,000 records is about 7 MB).
 */
@Configuration
@ConditionalOnWebApplication
class ApiBodyLimit {

    static final String CODE = "request.too-large";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> apiBodyLimitFilter(
            Problems problems, @Value("${medfund.api.body-max:32MB}") DataSize max) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new Filter(problems, max.toBytes()));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /** Thrown while reading a body that turns out larger than the bound; the resolver answers 413. */
    static final class TooLarge extends IOException {
        final long max;

        TooLarge(long max) {
            super("request body larger than " + max + " bytes");
            this.max = max;
        }
    }

    static String detail(long max) {
        return "请求体超过 " + DataSize.ofBytes(max).toMegabytes() + " MB 上限，请分批提交";
    }

    private static final class Filter extends OncePerRequestFilter {
        private final Problems problems;
        private final long max;

        Filter(Problems problems, long max) {
            this.problems = problems;
            this.max = max;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getContentLengthLong() > max) {
                problems.write(request, response, 413, CODE, null, detail(max));
                return;
            }
            chain.doFilter(new Limited(request, max), response);
        }
    }

    /** The request with a body stream that refuses to read past the bound. */
    private static final class Limited extends HttpServletRequestWrapper {
        private final long max;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), max);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private final long max;
        private long read;

        Counting(ServletInputStream in, long max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > max) {
                throw new TooLarge(max);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
