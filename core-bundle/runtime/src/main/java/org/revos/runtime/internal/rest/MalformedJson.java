package org.revos.runtime.internal.rest;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.revos.kernel.spi.Problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;

/**
 * Says in plain words what is wrong with a request body that is not well-formed JSON: where (the member being read,
 * line and column) and what, never Jackson's class or feature names.
 */
final class MalformedJson {

    private static final StreamReadConstraints LIMITS = StreamReadConstraints.defaults();

    /** Jackson's messages we recognise, in its words, and what we say instead. */
    private record Rule(Pattern jackson, Function<Matcher, String> plain) {
        static Rule of(String regex, Function<Matcher, String> plain) {
            return new Rule(Pattern.compile(regex), plain);
        }
    }

    private static final List<Rule> RULES = List.of(
            Rule.of("^Trailing token.*", m -> "has more after the JSON value ends; send one JSON object"),
            Rule.of("^Duplicate field '([^']*)'.*", m -> "names the member '" + m.group(1) + "' twice"),
            Rule.of("^Unrecognized token '([^']*)'.*", m -> "has '" + m.group(1) + "' where a value belongs (a string,"
                    + " number, object, array, true, false or null)"),
            Rule.of("^Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*", m -> "has the control"
                    + " character " + m.group(1) + " unescaped in a string; write it as \\u00XX"),
            Rule.of("^Illegal character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*", m -> "has the control character "
                    + m.group(1) + " between values"),
            Rule.of("^Unexpected character \\('(.*?)' \\(code (\\d+)\\)\\): was expecting (double-quote to start"
                    + " field name|comma to separate \\w+ entries|colon to separate field name and value).*",
                    m -> "has '" + m.group(1) + "' where " + expected(m.group(3)) + " belongs"),
            Rule.of("^Unexpected character \\('(.*?)' \\(code (\\d+)\\)\\).*", m -> "has the unexpected character '"
                    + m.group(1) + "'"),
            Rule.of("^Unexpected close marker '(.)'.*", m -> "closes with '" + m.group(1) + "' what it did not open"
                    + " with the matching bracket"),
            Rule.of("^Invalid UTF-8.*", m -> "is not valid UTF-8 text"),
            Rule.of("^Invalid numeric value.*|^Non-standard token.*|^Leading zeroes.*|.*not valid numeric.*",
                    m -> "has a number JSON does not allow (no leading zeros, NaN or Infinity)"),
            Rule.of("^Unrecognized character escape.*", m -> "has a backslash escape JSON does not know"));

    private MalformedJson() {
    }

    /**
     * @param context where the parser was when it failed, or {@code null} when unknown
     * @return a 400 problem naming the member that was being read ({@code body} at the top level)
     */
    static Problem of(JsonProcessingException e, JsonStreamContext context) {
        return problem(context, e.getLocation(), reason(e));
    }

    /** A number Jackson could not turn into a value: an exponent beyond what a decimal can hold. */
    static Problem unreadableNumber(JsonStreamContext context, JsonLocation location) {
        return Problem.invalid(field(context), "is a number too large or too small to read (its exponent is out of"
                + " range)" + where(location));
    }

    static Problem problem(JsonStreamContext context, JsonLocation location, String what) {
        return Problem.invalid(field(context), "is not well-formed JSON" + where(location) + ": " + what);
    }

    /** @return the JSON path of the member being read, as field errors name fields: {@code pacing[2]} */
    static String field(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                path.insert(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                path.insert(0, (c.getParent() != null && !c.getParent().inRoot() ? "." : "") + c.getCurrentName());
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    static String reason(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            return tooBig(message);
        }
        if (e instanceof JsonEOFException || message.startsWith("Unexpected end-of-input")) {
            return "ends before the JSON value is complete";
        }
        for (Rule rule : RULES) {
            Matcher m = rule.jackson().matcher(message);
            if (m.matches()) {
                return rule.plain().apply(m);
            }
        }
        return "cannot be read as JSON";
    }

    private static String tooBig(String message) {
        if (message.startsWith("Number value length")) {
            return "has a number longer than " + LIMITS.getMaxNumberLength() + " characters";
        }
        if (message.startsWith("Document nesting depth")) {
            return "nests objects and arrays deeper than " + LIMITS.getMaxNestingDepth() + " levels";
        }
        if (message.startsWith("String value length")) {
            return "has a string longer than " + LIMITS.getMaxStringLength() + " characters";
        }
        if (message.startsWith("Name length")) {
            return "has a member name longer than " + LIMITS.getMaxNameLength() + " characters";
        }
        return "is larger than RevOS reads";
    }

    private static String expected(String jackson) {
        if (jackson.startsWith("double-quote")) {
            return "a member name in double quotes";
        }
        return jackson.startsWith("comma") ? "a comma" : "a colon";
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
