package org.revos.blackbox.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Makes strings that match a regular expression of the small kind the OpenAPI document uses: literals, escapes
 * ({@code \d \w \s \. \xHH}), classes with ranges ({@code [0-9A-HJ-Z_]}), groups with alternatives, lookaheads
 * (which add nothing: the result is checked) and the quantifiers
 * {@code ? * + {n} {n,m}}, anchored with {@code ^...$}. Every string made is checked against {@link Pattern}; a
 * pattern outside that kind gives {@link Optional#empty()} rather than a wrong string.
 */
public final class RegexStrings {

    private final Random random;

    public RegexStrings(Random random) {
        this.random = random;
    }

    /** @return a string the whole of {@code regex} matches (as {@code Matcher.find} with its anchors), if it can */
    public Optional<String> matching(String regex) {
        String body = regex;
        boolean start = body.startsWith("^");
        boolean end = body.endsWith("$") && !body.endsWith("\\$");
        body = body.substring(start ? 1 : 0, body.length() - (end ? 1 : 0));
        try {
            Parser parser = new Parser(body);
            Node node = parser.alternatives();
            if (parser.pos != body.length()) {
                return Optional.empty();
            }
            for (int attempt = 0; attempt < 5; attempt++) {
                StringBuilder out = new StringBuilder();
                node.emit(out);
                if (Pattern.compile(regex).matcher(out).find()) {
                    return Optional.of(out.toString());
                }
            }
        } catch (RuntimeException unsupported) {
            // a construct this generator does not know
        }
        return Optional.empty();
    }

    private interface Node {
        void emit(StringBuilder out);
    }

    private final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        Node alternatives() {
            List<Node> options = new ArrayList<>();
            options.add(sequence());
            while (pos < s.length() && s.charAt(pos) == '|') {
                pos++;
                options.add(sequence());
            }
            return out -> options.get(random.nextInt(options.size())).emit(out);
        }

        Node sequence() {
            List<Node> items = new ArrayList<>();
            while (pos < s.length() && s.charAt(pos) != '|' && s.charAt(pos) != ')') {
                items.add(quantified(atom()));
            }
            return out -> items.forEach(n -> n.emit(out));
        }

        Node quantified(Node atom) {
            if (pos >= s.length()) {
                return atom;
            }
            char c = s.charAt(pos);
            int min;
            int max;
            if (c == '?') {
                min = 0;
                max = 1;
            } else if (c == '*') {
                min = 0;
                max = 4;
            } else if (c == '+') {
                min = 1;
                max = 5;
            } else if (c == '{') {
                int close = s.indexOf('}', pos);
                String[] bounds = s.substring(pos + 1, close).split(",", -1);
                min = Integer.parseInt(bounds[0]);
                max = bounds.length == 1 ? min : bounds[1].isEmpty() ? min + 5 : Integer.parseInt(bounds[1]);
                pos = close;
            } else {
                return atom;
            }
            pos++;
            int lo = min;
            int hi = max;
            return out -> {
                int n = lo + random.nextInt(hi - lo + 1);
                for (int i = 0; i < n; i++) {
                    atom.emit(out);
                }
            };
        }

        Node atom() {
            char c = s.charAt(pos++);
            if (c == '(') {
                if (s.startsWith("?!", pos) || s.startsWith("?=", pos)) {
                    // a lookahead matches no characters; what it demands or forbids is checked on the result
                    pos += 2;
                    alternatives();
                    expect(')');
                    return out -> { };
                }
                if (s.startsWith("?:", pos)) {
                    pos += 2;
                }
                Node inner = alternatives();
                expect(')');
                return inner;
            }
            if (c == '[') {
                return charClass();
            }
            if (c == '\\') {
                return escape();
            }
            if (c == '.') {
                return out -> out.append((char) ('a' + random.nextInt(26)));
            }
            return out -> out.append(c);
        }

        Node escape() {
            char e = s.charAt(pos++);
            return switch (e) {
                case 'd' -> out -> out.append((char) ('0' + random.nextInt(10)));
                case 'w' -> out -> out.append("abcXYZ019_".charAt(random.nextInt(10)));
                case 's' -> out -> out.append(' ');
                case 'x' -> {
                    char hex = (char) Integer.parseInt(s.substring(pos, pos + 2), 16);
                    pos += 2;
                    yield out -> out.append(hex);
                }
                default -> out -> out.append(e);
            };
        }

        Node charClass() {
            if (pos < s.length() && s.charAt(pos) == '^') {
                throw new IllegalArgumentException("negated classes are not generated");
            }
            List<char[]> ranges = new ArrayList<>();
            while (s.charAt(pos) != ']') {
                char from = classChar();
                char to = from;
                if (s.charAt(pos) == '-' && s.charAt(pos + 1) != ']') {
                    pos++;
                    to = classChar();
                }
                ranges.add(new char[] { from, to });
            }
            pos++;
            return out -> {
                char[] r = ranges.get(random.nextInt(ranges.size()));
                out.append((char) (r[0] + random.nextInt(r[1] - r[0] + 1)));
            };
        }

        char classChar() {
            char c = s.charAt(pos++);
            if (c != '\\') {
                return c;
            }
            char e = s.charAt(pos++);
            if (e == 'x') {
                char hex = (char) Integer.parseInt(s.substring(pos, pos + 2), 16);
                pos += 2;
                return hex;
            }
            if (e == 'd' || e == 'w' || e == 's') {
                throw new IllegalArgumentException("shorthand classes inside [] are not generated");
            }
            return e;
        }

        void expect(char c) {
            if (pos >= s.length() || s.charAt(pos) != c) {
                throw new IllegalArgumentException("expected " + c + " at " + pos);
            }
            pos++;
        }
    }
}
