package org.revos.runtime.internal.plugins;

import java.util.List;

/**
 * An LDAP-style filter (RFC 1960, as OSGi uses it in requirement {@code filter} directives), parsed far enough to
 * explain in words what a requirement asks for.
 */
public sealed interface LdapFilter {

    /** All operands must match: {@code (&(a=1)(b=2))}. */
    record And(List<LdapFilter> operands) implements LdapFilter {
        public And {
            operands = List.copyOf(operands);
        }
    }

    /** One operand must match: {@code (|(a=1)(b=2))}. */
    record Or(List<LdapFilter> operands) implements LdapFilter {
        public Or {
            operands = List.copyOf(operands);
        }
    }

    /** The operand must not match: {@code (!(a=1))}. */
    record Not(LdapFilter operand) implements LdapFilter {
    }

    /**
     * One comparison such as {@code (version>=1.2.0)}. Escapes are removed from {@code value}; a substring match keeps
     * its {@code *}; a presence test {@code (a=*)} has operator {@link Operator#PRESENT} and an empty value.
     */
    record Compare(String attribute, Operator operator, String value) implements LdapFilter {
    }

    /** Comparison operators. */
    enum Operator {
        EQUAL("="), APPROX("~="), GREATER_OR_EQUAL(">="), LESS_OR_EQUAL("<="), PRESENT("=*");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        /** @return the operator as written in a filter */
        public String symbol() {
            return symbol;
        }
    }

    /**
     * @throws IllegalArgumentException when {@code text} is not a well-formed filter
     */
    static LdapFilter parse(String text) {
        return LdapFilterParser.parse(text);
    }
}
