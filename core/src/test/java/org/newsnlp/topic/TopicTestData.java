package org.newsnlp.topic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small hand-built corpora for fast tests. */
final class TopicTestData {

    private static final String[][] WORDS = {
            {"match", "goal", "striker", "league", "coach", "season", "cup", "score", "team", "injury"},
            {"shares", "market", "profit", "bank", "investors", "growth", "economy", "sales", "prices", "quarter"},
            {"software", "computer", "internet", "phone", "chip", "users", "online", "digital", "network", "device"},
    };
    static final List<String> LABELS = List.of("sport", "business", "tech");
    private static final String[] COMMON = {"the", "a", "said", "on", "in", "was", "for", "new", "year", "people"};

    private TopicTestData() {
    }

    /** {@code perLabel} documents per label, each of topical and common words, seeded. */
    static List<LabeledDocument> singleLabel(int perLabel, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<LabeledDocument> out = new ArrayList<>();
        for (int i = 0; i < perLabel; i++) {
            for (int l = 0; l < LABELS.size(); l++) {
                out.add(new LabeledDocument(LABELS.get(l) + "-" + i, words(r, l, 3), words(r, l, 30),
                        List.of(LABELS.get(l))));
            }
        }
        return out;
    }

    /** Documents with one or two of the labels (or none), seeded. */
    static List<LabeledDocument> multiLabel(int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<LabeledDocument> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int a = r.nextInt(LABELS.size());
            int kind = r.nextInt(10);
            StringBuilder text = new StringBuilder(words(r, a, 20));
            List<String> labels = new ArrayList<>(List.of(LABELS.get(a)));
            if (kind < 3) {
                int b = (a + 1 + r.nextInt(LABELS.size() - 1)) % LABELS.size();
                text.append(' ').append(words(r, b, 20));
                labels.add(LABELS.get(b));
            } else if (kind == 9) {
                text.setLength(0);
                for (int w = 0; w < 20; w++) {
                    text.append(COMMON[r.nextInt(COMMON.length)]).append(' ');
                }
                labels.clear();
            }
            out.add(new LabeledDocument("d" + i, "", text.toString(), labels));
        }
        return out;
    }

    private static String words(SplittableRandom r, int label, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String w = r.nextInt(3) == 0 ? WORDS[label][r.nextInt(WORDS[label].length)]
                    : r.nextInt(4) == 0 ? WORDS[r.nextInt(WORDS.length)][r.nextInt(10)]
                    : COMMON[r.nextInt(COMMON.length)];
            b.append(i == 0 ? "" : " ").append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
        }
        return b.append('.').toString();
    }
}
