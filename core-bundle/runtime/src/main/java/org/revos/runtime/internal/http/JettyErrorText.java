package org.revos.runtime.internal.http;

import java.util.Locale;

/**
 * What an error Jetty answers by itself means for the caller, in plain words: the title and type of the problem and
 * a detail that says what to change. Jetty's own reason is used only where it names the problem more precisely.
 *
 * @param type  the last segment of the problem type URI
 * @param title the problem's title
 * @param detail what went wrong and what would fix it
 */
record JettyErrorText(String type, String title, String detail) {

    /**
     * @param status the status Jetty answers
     * @param reason Jetty's reason, such as "Ambiguous URI empty segment", or {@code null}
     */
    static JettyErrorText of(int status, String reason) {
        String why = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        return switch (status) {
            case 400 -> new JettyErrorText("invalid-request", "Invalid request", badRequest(why));
            case 404 -> new JettyErrorText("not-found", "Not found", "No such resource");
            case 405 -> new JettyErrorText("method-not-allowed", "Method not allowed", "Method not allowed here");
            case 408 -> new JettyErrorText("request-timeout", "Request timeout", "The request did not arrive in"
                    + " time; send it again, whole");
            case 413 -> new JettyErrorText("content-too-large", "Content too large", "The request body is larger"
                    + " than the server accepts");
            case 414 -> new JettyErrorText("uri-too-long", "URI too long", "The request URI is longer than the"
                    + " server accepts; send long values in a request body instead of the query");
            case 415 -> new JettyErrorText("unsupported-media-type", "Unsupported media type", "Unsupported media"
                    + " type; send application/json");
            case 431 -> new JettyErrorText("request-header-fields-too-large", "Request header fields too large",
                    "The request's headers are larger than the server accepts; send fewer or shorter headers");
            case 501 -> new JettyErrorText("not-implemented", "Not implemented", "The server does not support"
                    + " what the request asks for (" + plain(reason, "an unknown method or transfer coding")
                    + ")");
            case 503 -> new JettyErrorText("service-unavailable", "Service unavailable", "The server is starting or"
                    + " stopping; try again shortly");
            default -> status >= 500 ? new JettyErrorText("internal-error", "Internal error", "The request failed"
                    + " unexpectedly") : new JettyErrorText("client-error", "Client error", "The request was refused"
                    + " (" + plain(reason, "HTTP " + status) + ")");
        };
    }

    private static String badRequest(String why) {
        if (why.contains("uri") || why.contains("path")) {
            return "The request's path cannot be used (" + why + "): API paths have no empty segments (//), no"
                    + " encoded slashes or backslashes, no control characters and no ';' parameters";
        }
        if (why.contains("transfer-encoding") || why.contains("chunk") || why.contains("content-length")
                || why.contains("eof")) {
            return "The request body's framing is broken (" + why + "): send a correct Content-Length, or chunked as"
                    + " the only transfer coding";
        }
        return "The request is malformed: a header or the request line cannot be read"
                + (why.isEmpty() || why.equals("bad request") ? "" : " (" + why + ")");
    }

    /** Jetty's reasons are plain words; anything that looks like code is replaced by {@code otherwise}. */
    private static String plain(String reason, String otherwise) {
        return reason == null || reason.isBlank() || reason.matches(".*([a-z]+\\.[a-z]+\\.[A-Z]|Exception|\\$).*")
                ? otherwise : reason;
    }
}
