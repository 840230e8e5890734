package org.revos.leads.rules.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Component;
import org.revos.api.leads.LeadScoring;
import org.revos.api.leads.ScoreCard;
import org.revos.api.leads.ScoringContext;
import org.revos.api.leads.Signal;
import org.revos.api.leads.SignUp;

/**
 * Fit from static facts: points for the country (or any known country, {@code "*"}), for the first company size band
 * the company reaches, and for the best-paying title keyword. Engagement from signals and activities: per type,
 * points per unit, halved every {@code halfLifeDays} of the signal's age (0: no decay), capped per type. Each part is
 * capped to 0–100 and every rule that added points is a line of the explanation.
 */
@Component(service = LeadScoring.class)
public final class DefaultScoring implements LeadScoring {

    private final LastRead<Rules> rules = new LastRead<>(settings -> Rules.read(new Settings(settings)));

    static final List<String> KEYS = List.of("countries", "sizeBands", "titles", "signals", "activities",
            "halfLifeDays");
    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,49}");

    /** A size band: companies of at least {@code min} employees get {@code points}. */
    record Band(int min, double points) {
    }

    /** Points per unit of a signal type, and the most the type adds. */
    record Weight(double points, double max) {
    }

    /** The scoring settings as the rules apply them. */
    record Rules(Map<String, Double> countries, List<Band> sizeBands, Map<String, Double> titles,
            Map<String, Weight> signals, Map<String, Weight> activities, int halfLifeDays) {

        static Rules read(Settings s) {
            s.onlyKnown(KEYS);
            Map<String, Double> countries = new LinkedHashMap<>();
            Map<String, Object> c = s.object("countries");
            if (c == null) {
                countries.put("*", 20.0);
            } else {
                c.forEach((code, points) -> {
                    String key = "*".equals(code) ? "*" : s.country("countries." + code, code);
                    double p = s.number("countries." + code, points, 0, 100, 0);
                    if (key != null) {
                        countries.put(key, p);
                    }
                });
            }
            List<Band> bands = new ArrayList<>();
            List<?> b = s.list("sizeBands");
            if (b == null) {
                bands.addAll(List.of(new Band(1000, 50), new Band(200, 40), new Band(50, 25), new Band(10, 10)));
            } else {
                for (int i = 0; i < b.size(); i++) {
                    Map<String, Object> band = s.object("sizeBands[" + i + "]", b.get(i));
                    for (String k : band.keySet()) {
                        if (!k.equals("min") && !k.equals("points")) {
                            s.problem("sizeBands[" + i + "]." + k, "is not a member of a size band; use min, points");
                        }
                    }
                    int min = s.integer("sizeBands[" + i + "].min", band.get("min"), 0, 10_000_000, 0);
                    double points = s.number("sizeBands[" + i + "].points", band.get("points"), 0, 100, 0);
                    if (bands.stream().anyMatch(x -> x.min() == min)) {
                        s.problem("sizeBands[" + i + "].min", "repeats the minimum of another band");
                    }
                    bands.add(new Band(min, points));
                }
            }
            bands.sort(Comparator.comparingInt(Band::min).reversed());
            Map<String, Double> titles = new LinkedHashMap<>();
            Map<String, Object> t = s.object("titles");
            if (t == null) {
                titles.putAll(Map.of("chief", 30.0, "vp", 30.0, "head", 25.0, "director", 25.0, "manager", 15.0));
            } else {
                t.forEach((keyword, points) -> {
                    if (keyword.isBlank() || keyword.length() > 100) {
                        s.problem("titles." + keyword, "must be a keyword of 1 to 100 characters");
                    }
                    titles.put(keyword.toLowerCase(Locale.ROOT), s.number("titles." + keyword, points, 0, 100, 0));
                });
            }
            Map<String, Weight> signals = weights(s, "signals", Map.of("SEATS_ADDED", new Weight(10, 40),
                    "BOARD_CREATED", new Weight(5, 30), "INVITE_SENT", new Weight(5, 20), "LOGIN",
                    new Weight(2, 20)));
            Map<String, Weight> activities = weights(s, "activities", Map.of("MEETING", new Weight(20, 40), "CALL",
                    new Weight(10, 30), "EMAIL", new Weight(5, 15)));
            return new Rules(countries, List.copyOf(bands), titles, signals, activities,
                    s.integer("halfLifeDays", 0, 3650, 14));
        }

        private static Map<String, Weight> weights(Settings s, String key, Map<String, Weight> fallback) {
            Map<String, Object> w = s.object(key);
            if (w == null) {
                return fallback;
            }
            Map<String, Weight> out = new LinkedHashMap<>();
            w.forEach((type, value) -> {
                String path = key + "." + type;
                if (!TYPE.matcher(type).matches()) {
                    s.problem(path, "must be a signal type in upper case, such as SEATS_ADDED");
                }
                Map<String, Object> o = s.object(path, value);
                for (String k : o.keySet()) {
                    if (!k.equals("points") && !k.equals("max")) {
                        s.problem(path + "." + k, "is not a member of a weight; use points, max");
                    }
                }
                double points = s.number(path + ".points", o.get("points"), -100, 100, 0);
                double max = o.get("max") == null ? 100 : s.number(path + ".max", o.get("max"), 0, 100, 100);
                out.put(type, new Weight(points, max));
            });
            return out;
        }
    }

    @Override
    public ScoreCard score(SignUp signUp, ScoringContext context) {
        return score(signUp, context.activities(), context.now(), rules.of(context.settings()));
    }

    static ScoreCard score(SignUp signUp, List<Signal> activities, Instant now, Rules rules) {
        ScoreCard.Builder card = ScoreCard.builder();
        String country = signUp.country();
        if (country != null) {
            Double points = rules.countries().getOrDefault(country, rules.countries().get("*"));
            if (points != null && points != 0) {
                card.fit("country", points, "based in " + country);
            }
        }
        Integer employees = signUp.employees();
        if (employees != null) {
            rules.sizeBands().stream().filter(b -> employees >= b.min()).findFirst().filter(b -> b.points() != 0)
                    .ifPresent(b -> card.fit("company-size", b.points(), "a company of " + employees
                            + " employees (band from " + b.min() + ")"));
        }
        String title = signUp.title() == null ? null : signUp.title().toLowerCase(Locale.ROOT);
        if (title != null) {
            rules.titles().entrySet().stream().filter(e -> containsWord(title, e.getKey()))
                    .max(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey(
                            Comparator.reverseOrder())))
                    .filter(e -> e.getValue() != 0)
                    .ifPresent(e -> card.fit("title", e.getValue(), "title '" + signUp.title() + "' matches '"
                            + e.getKey() + "'"));
        }
        engagement(card, "signal", signUp.signals(), rules.signals(), now, rules.halfLifeDays());
        engagement(card, "activity", activities, rules.activities(), now, rules.halfLifeDays());
        return card.build();
    }

    private static void engagement(ScoreCard.Builder card, String kind, List<Signal> signals,
            Map<String, Weight> weights, Instant now, int halfLifeDays) {
        Map<String, double[]> byType = new LinkedHashMap<>();
        for (Signal s : signals) {
            Weight w = weights.get(s.type());
            if (w == null || s.count() <= 0) {
                continue;
            }
            double[] sum = byType.computeIfAbsent(s.type(), k -> new double[2]);
            sum[0] += s.count() * w.points() * decay(s.at(), now, halfLifeDays);
            sum[1] += s.count();
        }
        byType.forEach((type, sum) -> {
            Weight w = weights.get(type);
            double points = Math.max(-w.max(), Math.min(w.max(), sum[0]));
            if (points != 0) {
                card.engagement(kind + ":" + type, round(points), String.format(Locale.ROOT,
                        "%d × %s%s", (long) sum[1], type, points == w.max() ? " (capped at " + fmt(w.max()) + ")"
                                : halfLifeDays > 0 ? " (decayed by age, half-life " + halfLifeDays + " days)" : ""));
            }
        });
    }

    /** @return the share of a signal's points left at {@code now}: 1 when new (or in the future), ½ per half-life */
    static double decay(Instant at, Instant now, int halfLifeDays) {
        if (halfLifeDays <= 0 || at == null || !at.isBefore(now)) {
            return 1;
        }
        double days = Duration.between(at, now).toMillis() / 86_400_000.0;
        return Math.pow(0.5, days / halfLifeDays);
    }

    private static boolean containsWord(String title, String keyword) {
        return Pattern.compile("(^|[^\\p{L}\\p{N}])" + Pattern.quote(keyword) + "($|[^\\p{L}\\p{N}])")
                .matcher(title).find();
    }

    private static double round(double points) {
        return Math.round(points * 100) / 100.0;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    @Override
    public Map<String, String> validate(Map<String, Object> settings) {
        Settings s = new Settings(settings);
        Rules.read(s);
        return s.problems();
    }
}
