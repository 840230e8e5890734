package org.revos.runtime.internal.plugins;

import java.util.ArrayList;
import java.util.List;

/** A recursive-descent parser of one {@link LdapFilter} string. */
final class LdapFilterParser {

    private final String text;
    private int pos;

    private LdapFilterParser(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no filter");
        }
        this.text = text;
    }

    static LdapFilter parse(String text) {
        LdapFilterParser parser = new LdapFilterParser(text);
        LdapFilter filter = parser.filter();
        parser.skipSpaces();
        if (parser.pos != text.length()) {
            throw parser.error("unexpected text after the filter");
        }
        return filter;
    }

    private LdapFilter filter() {
        skipSpaces();
        expect('(');
        skipSpaces();
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        LdapFilter result = switch (text.charAt(pos)) {
            case '&' -> {
                pos++;
                yield new LdapFilter.And(operands());
            }
            case '|' -> {
                pos++;
                yield new LdapFilter.Or(operands());
            }
            case '!' -> {
                pos++;
                yield new LdapFilter.Not(filter());
            }
            default -> comparison();
        };
        skipSpaces();
        expect(')');
        return result;
    }

    private List<LdapFilter> operands() {
        List<LdapFilter> operands = new ArrayList<>();
        skipSpaces();
        while (pos < text.length() && text.charAt(pos) == '(') {
            operands.add(filter());
            skipSpaces();
        }
        if (operands.isEmpty()) {
            throw error("& and | need at least one operand");
        }
        return operands;
    }

    private LdapFilter comparison() {
        int start = pos;
        while (pos < text.length() && "=<>~()".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        String attribute = text.substring(start, pos).trim();
        if (attribute.isEmpty() || pos >= text.length()) {
            throw error("expected an attribute and an operator");
        }
        LdapFilter.Operator operator;
        char c = text.charAt(pos);
        if (c == '=') {
            operator = LdapFilter.Operator.EQUAL;
            pos++;
        } else if ((c == '<' || c == '>' || c == '~') && pos + 1 < text.length() && text.charAt(pos + 1) == '=') {
            operator = c == '<' ? LdapFilter.Operator.LESS_OR_EQUAL
                    : c == '>' ? LdapFilter.Operator.GREATER_OR_EQUAL : LdapFilter.Operator.APPROX;
            pos += 2;
        } else {
            throw error("expected =, <=, >= or ~=");
        }
        StringBuilder value = new StringBuilder();
        boolean unescapedStar = false;
        while (pos < text.length() && text.charAt(pos) != ')') {
            char v = text.charAt(pos++);
            if (v == '\\') {
                if (pos >= text.length()) {
                    throw error("dangling escape");
                }
                value.append(text.charAt(pos++));
            } else if (v == '(') {
                throw error("unescaped ( in a value");
            } else {
                unescapedStar |= v == '*';
                value.append(v);
            }
        }
        if (operator == LdapFilter.Operator.EQUAL && unescapedStar && value.toString().equals("*")) {
            return new LdapFilter.Compare(attribute, LdapFilter.Operator.PRESENT, "");
        }
        return new LdapFilter.Compare(attribute, operator, value.toString());
    }

    private void expect(char c) {
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("Malformed filter at position " + pos + " (" + what + "): " + text);
    }
}
