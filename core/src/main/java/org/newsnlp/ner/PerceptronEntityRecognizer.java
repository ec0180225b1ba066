package org.newsnlp.ner;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.newsnlp.NewsNlpException;
import org.newsnlp.entity.EntityRecognizer;
import org.newsnlp.entity.EntityType;
import org.newsnlp.entity.Mention;
import org.newsnlp.model.ModelManifest;
import org.newsnlp.text.Sentence;
import org.newsnlp.text.Token;
import org.newsnlp.text.TokenizedText;

/**
 * Named-entity recognizer for PER, ORG, LOC and MISC: an averaged structured perceptron over hashed lexical,
 * shape, word-cluster, gazetteer and document-level features, decoded with Viterbi under the BIO constraints,
 * in two passes (the second sees what the first found elsewhere in the same document). Trained by
 * {@link NerTrainer}; stored in the {@code newsnlp-ner} format.
 *
 * <pre>{@code
 * PerceptronEntityRecognizer ner = PerceptronEntityRecognizer.loadDefault();   // load once, share
 * List<Mention> m = ner.recognize(TextSegmenter.english().segment("Mr Shum left Microsoft in 2020."));
 * String[] bio = ner.tag(List.of("EU", "rejects", "German", "call"));         // B-ORG O B-MISC O
 * }</pre>
 *
 * <p>{@link #recognize} reads the tokenizer's tokens the way the CoNLL-2003 training text is cut: hyphenated
 * words written without spaces are read as one word, and a possessive {@code 's} as a word of its own, so a
 * mention covers whole tokens except that it stops before a possessive ("China" in "China's").
 *
 * <p>Instances are immutable and safe to share between threads; every call keeps its state in locals.
 */
public final class PerceptronEntityRecognizer implements EntityRecognizer {

    /** Classpath resource of the shipped English model. */
    public static final String DEFAULT_RESOURCE = "org/newsnlp/models/ner/ner-en.bin.gz";

    private final NerModel model;
    private final String source;

    PerceptronEntityRecognizer(NerModel model, String source) {
        this.model = model;
        this.source = source;
    }

    NerModel model() {
        return model;
    }

    /**
     * Loads a model file.
     *
     * @throws NewsNlpException naming the file when it is missing, not a model or corrupt
     */
    public static PerceptronEntityRecognizer load(Path file) {
        Objects.requireNonNull(file, "file");
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return load(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new NewsNlpException(file + ": NER model file not found", e);
        } catch (IOException e) {
            throw new NewsNlpException(file + ": cannot read NER model: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a model from a stream (not closed).
     *
     * @param sourceName the file or resource name, for error messages
     * @throws NewsNlpException naming the source when the stream is not a model or corrupt
     */
    public static PerceptronEntityRecognizer load(InputStream in, String sourceName) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sourceName, "sourceName");
        try {
            return new PerceptronEntityRecognizer(NerModel.read(in, sourceName), sourceName);
        } catch (IOException e) {
            throw new NewsNlpException(sourceName + ": cannot read NER model: " + e.getMessage(), e);
        }
    }

    /**
     * Loads the shipped English model from the classpath ({@value #DEFAULT_RESOURCE}).
     *
     * @throws NewsNlpException when the {@code newsnlp-models} artifact is not on the classpath
     */
    public static PerceptronEntityRecognizer loadDefault() {
        ClassLoader cl = PerceptronEntityRecognizer.class.getClassLoader();
        try (InputStream in = cl == null ? ClassLoader.getSystemResourceAsStream(DEFAULT_RESOURCE)
                : cl.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new NewsNlpException("default NER model '" + DEFAULT_RESOURCE
                        + "' is not on the classpath: add the org.newsnlp:newsnlp-models artifact");
            }
            return load(new BufferedInputStream(in, 1 << 16), "classpath:" + DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new NewsNlpException("classpath:" + DEFAULT_RESOURCE + ": cannot read NER model", e);
        }
    }

    /** What the model says about itself (training data, dev metrics, rebuild command). */
    public ModelManifest manifest() {
        return model.manifest;
    }

    /** The same model with another manifest (its format fields are kept). */
    public PerceptronEntityRecognizer withManifest(ModelManifest m) {
        Objects.requireNonNull(m, "manifest");
        ModelManifest fixed = new ModelManifest(NerModel.FORMAT, NerModel.FORMAT_VERSION, m.name(), m.version(),
                m.language(), m.labels(), m.trainingData(), m.metrics(), m.command(), m.notes());
        return new PerceptronEntityRecognizer(model.withManifest(fixed), source);
    }

    /** Writes the model in the {@code newsnlp-ner} format (gzipped); does not close {@code out}. */
    public void write(OutputStream out) throws IOException {
        model.write(out);
    }

    /** Writes the model to {@code file}. */
    public void save(Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            write(out);
        }
    }

    @Override
    public List<Mention> recognize(TokenizedText text) {
        Objects.requireNonNull(text, "text");
        String t = text.text();
        List<Sentence> sentences = text.sentences();
        List<String[]> toks = new ArrayList<>(sentences.size());
        List<int[]> spans = new ArrayList<>(sentences.size());
        for (Sentence s : sentences) {
            WordPieces p = WordPieces.of(t, text.tokensOf(s));
            toks.add(p.words);
            spans.add(p.spans);
        }
        int[][] labels = model.tagDocument(toks);
        List<Mention> out = new ArrayList<>();
        for (int si = 0; si < labels.length; si++) {
            int[] y = labels[si];
            int[] sp = spans.get(si);
            int i = 0;
            while (i < y.length) {
                int type = model.typeOf(y[i]);
                if (type < 0) {
                    i++;
                    continue;
                }
                int j = i + 1;
                while (j < y.length && model.label(y[j]).startsWith("I-") && model.typeOf(y[j]) == type) {
                    j++;
                }
                int start = sp[2 * i];
                int end = sp[2 * (j - 1) + 1];
                out.add(new Mention(t.substring(start, end), start, end,
                        EntityType.fromConll(model.label(y[i]).substring(2))));
                i = j;
            }
        }
        return out;
    }

    /**
     * The words the model reads for a sentence of the tokenizer's tokens, cut as in CoNLL-2003: hyphenated
     * words written without spaces are one word ("Heung-yeung"), a possessive {@code 's} and {@code n't} are
     * words of their own.
     */
    static final class WordPieces {
        final String[] words;
        final int[] spans; // start, end per word

        private WordPieces(String[] words, int[] spans) {
            this.words = words;
            this.spans = spans;
        }

        static WordPieces of(String text, List<Token> tokens) {
            int n = tokens.size();
            List<String> words = new ArrayList<>(n);
            int[] spans = new int[4 * n + 4];
            int k = 0;
            int i = 0;
            while (i < n) {
                Token tok = tokens.get(i);
                int start = tok.start();
                int end = tok.end();
                int j = i;
                // join "a" "-" "b" when nothing separates them
                while (j + 2 < n && isHyphen(tokens.get(j + 1).text()) && tokens.get(j + 1).start() == end
                        && tokens.get(j + 2).start() == tokens.get(j + 1).end()
                        && isWordy(tokens.get(j).text()) && isWordy(tokens.get(j + 2).text())) {
                    end = tokens.get(j + 2).end();
                    j += 2;
                }
                int clitic = cliticStart(text, start, end);
                if (clitic > start) {
                    words.add(text.substring(start, clitic));
                    spans[k++] = start;
                    spans[k++] = clitic;
                    words.add(text.substring(clitic, end));
                    spans[k++] = clitic;
                    spans[k++] = end;
                } else {
                    words.add(text.substring(start, end));
                    spans[k++] = start;
                    spans[k++] = end;
                }
                i = j + 1;
            }
            return new WordPieces(words.toArray(new String[0]), java.util.Arrays.copyOf(spans, k));
        }

        private static boolean isHyphen(String s) {
            return s.equals("-") || s.equals("\u2010") || s.equals("\u2011");
        }

        private static boolean isWordy(String s) {
            return !s.isEmpty() && Character.isLetterOrDigit(s.charAt(s.length() - 1))
                    && Character.isLetterOrDigit(s.charAt(0)) || s.endsWith(".") && s.length() > 1;
        }

        /** Where a trailing {@code 's} or {@code n't} starts in {@code text[start, end)}, or -1. */
        private static int cliticStart(String text, int start, int end) {
            int len = end - start;
            if (len > 2) {
                char a = text.charAt(end - 2);
                char b = text.charAt(end - 1);
                if ((a == '\'' || a == '\u2019') && (b == 's' || b == 'S')
                        && Character.isLetter(text.charAt(end - 3))) {
                    return end - 2;
                }
            }
            if (len > 3) {
                char a = text.charAt(end - 3);
                char b = text.charAt(end - 2);
                char c = text.charAt(end - 1);
                if ((a == 'n' || a == 'N') && (b == '\'' || b == '\u2019') && (c == 't' || c == 'T')) {
                    return end - 3;
                }
            }
            return -1;
        }
    }

    /** BIO tags of one pre-tokenized sentence, read as a document of its own. */
    public String[] tag(List<String> tokens) {
        return tagDocument(List.of(tokens)).get(0);
    }

    /**
     * BIO tags of a pre-tokenized document (its sentences in order); what the model finds in one sentence
     * informs the others.
     */
    public List<String[]> tagDocument(List<List<String>> sentences) {
        Objects.requireNonNull(sentences, "sentences");
        List<String[]> toks = new ArrayList<>(sentences.size());
        for (List<String> s : sentences) {
            String[] a = s.toArray(new String[0]);
            for (String w : a) {
                if (w == null || w.isEmpty()) {
                    throw new IllegalArgumentException("tokens must be non-empty strings, got '" + w + "'");
                }
            }
            toks.add(a);
        }
        int[][] ids = model.tagDocument(toks);
        List<String[]> out = new ArrayList<>(ids.length);
        for (int[] y : ids) {
            String[] tags = new String[y.length];
            for (int i = 0; i < y.length; i++) {
                tags[i] = model.label(y[i]);
            }
            out.add(tags);
        }
        return out;
    }

    /** Tags every document of {@code docs} and scores the tags against their gold tags. */
    public NerEvaluation evaluate(List<ConllDocument> docs) {
        NerEvaluation.Accumulator acc = NerEvaluation.accumulator();
        for (ConllDocument d : docs) {
            List<List<String>> sentences = new ArrayList<>(d.sentences().size());
            for (ConllSentence s : d.sentences()) {
                sentences.add(s.tokens());
            }
            List<String[]> pred = tagDocument(sentences);
            for (int i = 0; i < pred.size(); i++) {
                acc.add(d.sentences().get(i).tags(), List.of(pred.get(i)));
            }
        }
        return acc.result();
    }

    @Override
    public String toString() {
        return "PerceptronEntityRecognizer[" + source + ", " + (model.documentPass ? 2 : 1) + " pass(es)]";
    }
}
