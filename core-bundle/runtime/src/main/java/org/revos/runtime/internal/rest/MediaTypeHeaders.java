package org.revos.runtime.internal.rest;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.revos.kernel.spi.FieldError;
import org.revos.kernel.spi.Problem;

/**
 * Refuses a request whose {@code Content-Type} or {@code Accept} header cannot be read, before the request is routed:
 * a media type that does not parse, a quality value that is not a number from 0 to 1 ({@code q=abc}) or a body charset
 * the runtime does not know ({@code charset=klingon}). Routing and body reading would otherwise fail on them deep in
 * the REST container and answer 500.
 */
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public final class MediaTypeHeaders implements ContainerRequestFilter {

    /** RFC 9110's qvalue: 0 to 1 with at most three decimals. */
    private static final Pattern QVALUE = Pattern.compile("0(\\.\\d{0,3})?|1(\\.0{0,3})?");

    @Override
    public void filter(ContainerRequestContext request) {
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !contentType.isBlank()) {
            MediaType type = parse(HttpHeaders.CONTENT_TYPE, contentType);
            String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
            if (charset != null && !isKnownCharset(charset)) {
                throw new Problem(415, "unsupported-media-type", "Unsupported media type", "The body's charset "
                        + charset + " is unknown; send UTF-8", List.of(new FieldError(HttpHeaders.CONTENT_TYPE,
                                "charset " + charset + " is unknown; send UTF-8")));
            }
        }
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (accept != null && !accept.isBlank()) {
            for (String range : accept.split(",")) {
                if (!range.isBlank()) {
                    parse(HttpHeaders.ACCEPT, range.strip());
                }
            }
        }
    }

    private static MediaType parse(String header, String text) {
        MediaType type;
        try {
            type = MediaType.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw refused(header, "is not a media type such as application/json");
        }
        for (Map.Entry<String, String> parameter : type.getParameters().entrySet()) {
            if (parameter.getKey().equalsIgnoreCase("q") && !QVALUE.matcher(parameter.getValue()).matches()) {
                throw refused(header, "has the quality q=" + parameter.getValue() + "; q is a number from 0 to 1");
            }
        }
        return type;
    }

    private static boolean isKnownCharset(String name) {
        try {
            return Charset.isSupported(name);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }

    private static Problem refused(String header, String message) {
        return Problem.invalid(header, message);
    }
}
