package org.newsnlp.topic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes a {@link TopicEvaluation} as a self-contained HTML page (inline CSS and SVG, no scripts, no
 * external resources: it opens offline) with a confusion-matrix heat map and per-label bars, or as JSON.
 *
 * <pre>{@code
 * Files.writeString(Path.of("report.html"), TopicReport.html(evaluation, "news-bbc5 on AG News", Map.of()));
 * }</pre>
 *
 * <p>Stateless and safe to use from any thread.
 */
public final class TopicReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TopicReport() {
    }

    /**
     * The evaluation as pretty-printed JSON: {@link TopicEvaluation#toMap()} plus {@code info}.
     *
     * @param info extra key-value pairs (model name, data file...)
     */
    public static String json(TopicEvaluation e, Map<String, ?> info) {
        Map<String, Object> m = new LinkedHashMap<>(info);
        m.putAll(e.toMap());
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * The evaluation as an HTML page.
     *
     * @param title the page title
     * @param info  key-value pairs listed under the title (model name, data file...)
     */
    public static String html(TopicEvaluation e, String title, Map<String, ?> info) {
        Objects.requireNonNull(e, "e");
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(esc(title)).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:2em auto;"
                        + "max-width:1100px;color:#222;padding:0 1em}\n")
                .append("h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em}\n")
                .append("table{border-collapse:collapse;font-size:.9em}td,th{padding:.25em .6em;text-align:right;"
                        + "border-bottom:1px solid #ddd}th{background:#f4f4f4}td:first-child,th:first-child"
                        + "{text-align:left}\n")
                .append(".cards{display:flex;gap:1em;flex-wrap:wrap}.card{border:1px solid #ddd;border-radius:6px;"
                        + "padding:.6em 1em;min-width:8em}.card b{display:block;font-size:1.6em}\n")
                .append("svg text{font-family:inherit}\n")
                .append("</style>\n</head>\n<body>\n<h1>").append(esc(title)).append("</h1>\n");
        if (!info.isEmpty()) {
            h.append("<table>\n");
            for (Map.Entry<String, ?> en : info.entrySet()) {
                h.append("<tr><td>").append(esc(en.getKey())).append("</td><td style=\"text-align:left\">")
                        .append(esc(String.valueOf(en.getValue()))).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("<div class=\"cards\">\n");
        card(h, e.multiLabel() ? "subset accuracy" : "accuracy", e.accuracy());
        card(h, "macro F1", e.macroF1());
        card(h, "micro F1", e.microF1());
        card(h, "micro precision", e.microPrecision());
        card(h, "micro recall", e.microRecall());
        h.append("<div class=\"card\">documents<b>").append(e.documents()).append("</b></div>\n</div>\n");
        if (!e.multiLabel() && e.labels().size() <= 60) {
            h.append("<h2>Confusion matrix</h2>\n<p>Rows: gold label; columns: predicted label; "
                    + "colour: share of the row.</p>\n");
            heatMap(h, e);
        }
        h.append("<h2>Per-label F1, precision and recall</h2>\n");
        bars(h, e.perLabel());
        h.append("<h2>Per-label scores</h2>\n<table>\n<tr><th>label</th><th>precision</th><th>recall</th>"
                + "<th>F1</th><th>support</th><th>predicted</th></tr>\n");
        for (TopicEvaluation.LabelMetrics l : e.perLabel()) {
            h.append("<tr><td>").append(esc(l.label())).append("</td><td>").append(f3(l.precision()))
                    .append("</td><td>").append(f3(l.recall())).append("</td><td>").append(f3(l.f1()))
                    .append("</td><td>").append(l.support()).append("</td><td>").append(l.predicted())
                    .append("</td></tr>\n");
        }
        h.append("</table>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void card(StringBuilder h, String name, double v) {
        h.append("<div class=\"card\">").append(esc(name)).append("<b>").append(f3(v)).append("</b></div>\n");
    }

    private static void heatMap(StringBuilder h, TopicEvaluation e) {
        List<String> labels = e.labels();
        int[][] m = e.confusion();
        int k = labels.size();
        int cell = k <= 10 ? 48 : k <= 25 ? 30 : 18;
        int left = 12 + 7 * labels.stream().mapToInt(String::length).max().orElse(4);
        int top = left;
        int width = left + k * cell + 10;
        int height = top + k * cell + 10;
        h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" role=\"img\" aria-label=\"confusion matrix\">\n");
        for (int i = 0; i < k; i++) {
            int rowSum = 0;
            for (int v : m[i]) {
                rowSum += v;
            }
            int y = top + i * cell;
            h.append("<text x=\"").append(left - 6).append("\" y=\"").append(y + cell / 2 + 4)
                    .append("\" font-size=\"12\" text-anchor=\"end\">").append(esc(labels.get(i))).append("</text>\n");
            for (int j = 0; j < k; j++) {
                double share = rowSum == 0 ? 0 : (double) m[i][j] / rowSum;
                int x = left + j * cell;
                String fill = i == j ? color(share, 33, 113, 181) : color(share, 203, 24, 29);
                h.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(cell - 1)
                        .append("\" height=\"").append(cell - 1).append("\" fill=\"").append(fill).append("\"><title>")
                        .append(esc(labels.get(i))).append(" \u2192 ").append(esc(labels.get(j))).append(": ")
                        .append(m[i][j]).append("</title></rect>\n");
                if (cell >= 30 && m[i][j] > 0) {
                    h.append("<text x=\"").append(x + cell / 2).append("\" y=\"").append(y + cell / 2 + 4)
                            .append("\" font-size=\"11\" text-anchor=\"middle\" fill=\"")
                            .append(share > 0.5 ? "#fff" : "#222").append("\">").append(m[i][j]).append("</text>\n");
                }
            }
        }
        for (int j = 0; j < k; j++) {
            int x = left + j * cell + cell / 2;
            h.append("<text x=\"").append(x).append("\" y=\"").append(top - 6)
                    .append("\" font-size=\"12\" text-anchor=\"start\" transform=\"rotate(-60 ").append(x).append(' ')
                    .append(top - 6).append(")\">").append(esc(labels.get(j))).append("</text>\n");
        }
        h.append("</svg>\n");
    }

    private static void bars(StringBuilder h, List<TopicEvaluation.LabelMetrics> per) {
        int left = 12 + 7 * per.stream().mapToInt(l -> l.label().length()).max().orElse(4);
        int barW = 300;
        int row = 26;
        int width = left + 3 * (barW / 3 + 20) + 20;
        int height = 24 + per.size() * row;
        String[] names = {"F1", "precision", "recall"};
        String[] colors = {"#2171b5", "#6baed6", "#9ecae1"};
        h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" role=\"img\" aria-label=\"per-label scores\">\n");
        for (int c = 0; c < 3; c++) {
            h.append("<text x=\"").append(left + c * (barW / 3 + 20)).append("\" y=\"14\" font-size=\"12\">")
                    .append(names[c]).append("</text>\n");
        }
        for (int i = 0; i < per.size(); i++) {
            TopicEvaluation.LabelMetrics l = per.get(i);
            int y = 22 + i * row;
            h.append("<text x=\"").append(left - 6).append("\" y=\"").append(y + 14)
                    .append("\" font-size=\"12\" text-anchor=\"end\">").append(esc(l.label())).append("</text>\n");
            double[] v = {l.f1(), l.precision(), l.recall()};
            for (int c = 0; c < 3; c++) {
                int x = left + c * (barW / 3 + 20);
                int w = (int) Math.round(v[c] * (barW / 3));
                h.append("<rect x=\"").append(x).append("\" y=\"").append(y + 2).append("\" width=\"").append(barW / 3)
                        .append("\" height=\"16\" fill=\"#eee\"/>");
                h.append("<rect x=\"").append(x).append("\" y=\"").append(y + 2).append("\" width=\"").append(w)
                        .append("\" height=\"16\" fill=\"").append(colors[c]).append("\"><title>").append(names[c])
                        .append(' ').append(f3(v[c])).append("</title></rect>");
                h.append("<text x=\"").append(x + 3).append("\" y=\"").append(y + 14).append("\" font-size=\"10\">")
                        .append(f3(v[c])).append("</text>\n");
            }
        }
        h.append("</svg>\n");
    }

    private static String color(double share, int r, int g, int b) {
        double t = Math.sqrt(Math.max(0, Math.min(1, share)));
        int rr = (int) Math.round(255 - t * (255 - r));
        int gg = (int) Math.round(255 - t * (255 - g));
        int bb = (int) Math.round(255 - t * (255 - b));
        return String.format(Locale.ROOT, "#%02x%02x%02x", rr, gg, bb);
    }

    private static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
