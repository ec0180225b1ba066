package org.newsnlp.ner;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UTFDataFormatException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

import org.newsnlp.NewsNlpException;
import org.newsnlp.model.ModelManifest;

/**
 * The trained tagger: label set, feature extractor (with its word clusters and gazetteer) and the perceptron
 * weights, used in one pass or in two (the second adding document features). Immutable and safe to share
 * between threads.
 *
 * <h2>File format {@code newsnlp-ner} version 2</h2>
 * A gzip stream holding, in {@link DataOutputStream} encoding:
 * <ol>
 *   <li>int magic {@code 0x4E4E4552} ("NNER"), int format version (2);</li>
 *   <li>int length and that many bytes of UTF-8 JSON: the {@link ModelManifest};</li>
 *   <li>int label count, each label as UTF (BIO tags, {@code O} first);</li>
 *   <li>int hash bits {@code b} of the token features (the weight table's rows);</li>
 *   <li>boolean: word clusters follow; if so their body as in {@link WordClusters#write} after the version;</li>
 *   <li>two gazetteers, the names of the training data and the names found in unlabelled text: each an int
 *       count, then per name a byte token count, the tokens as UTF and a byte type mask (bit 0 PER, 1 ORG,
 *       2 LOC, 3 MISC);</li>
 *   <li>int pass count: 1, or 2 when a second pass adds document features (the first pass's labels of the
 *       same word elsewhere in the document) to the first pass's scores; then the weights, shared by both
 *       passes: int hash bits {@code s} (the table has {@code 2^s} rows of {@code L} weights), {@code L*L}
 *       floats of transitions, {@code L} floats of start scores, a float quantisation step {@code q}, an int
 *       count of non-empty rows, then per row its index as a variable-length delta from the previous row
 *       (7 bits a byte, low first), a short bit mask of the labels present and a short per present label
 *       (weight = short &times; q);</li>
 *   <li>int magic again, as an end marker.</li>
 * </ol>
 */
final class NerModel {

    static final String FORMAT = "newsnlp-ner";
    static final int FORMAT_VERSION = 2;
    private static final int MAGIC = 0x4E4E4552;

    /**
     * The perceptron weights: a table of {@code 2^bits} rows of one quantised weight per label
     * (weight = short &times; scale), kept without its empty rows, and the transition and start scores.
     */
    record Stage(WeightRows weights, float scale, float[] transitions, float[] start) {

        int bits() {
            return weights.bits();
        }

        /** Quantises trained float weights to shorts. */
        static Stage quantize(float[] w, int bits, int labels, float[] transitions, float[] start) {
            if (w.length != (labels << bits)) {
                throw new IllegalArgumentException("weight table of " + w.length + " is not 2^" + bits + " x " + labels);
            }
            float max = 0;
            for (float f : w) {
                max = Math.max(max, Math.abs(f));
            }
            float q = max == 0 ? 1f : max / 32767f;
            short[] s = new short[w.length];
            for (int i = 0; i < w.length; i++) {
                s[i] = (short) Math.round(w[i] / q);
            }
            return new Stage(WeightRows.pack(s, bits, labels), q, transitions.clone(), start.clone());
        }
    }

    final ModelManifest manifest;
    final String[] labels;
    final FeatureExtractor features;
    final Stage stage;
    final boolean documentPass;
    final boolean[] allowed;
    private final int[] typeOfLabel;
    private final int outside;
    private final int inPerson;
    /** {@link FeatureExtractor#formSums} of the weights, or null. */
    private final int[] formSums;

    NerModel(ModelManifest manifest, String[] labels, FeatureExtractor features, Stage stage, boolean documentPass) {
        this(manifest, labels, features, stage, documentPass, features.formSums(stage.weights()));
    }

    private NerModel(ModelManifest manifest, String[] labels, FeatureExtractor features, Stage stage,
                     boolean documentPass, int[] formSums) {
        this.formSums = formSums;
        this.manifest = manifest;
        this.labels = labels.clone();
        this.features = features;
        this.stage = stage;
        this.documentPass = documentPass;
        this.allowed = Viterbi.allowedTransitions(labels);
        this.outside = java.util.Arrays.asList(labels).indexOf("O");
        this.inPerson = java.util.Arrays.asList(labels).indexOf("I-PER");
        this.typeOfLabel = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            typeOfLabel[i] = labels[i].equals("O") ? -1 : Gazetteer.typeIndex(labels[i].substring(2));
        }
    }

    NerModel withManifest(ModelManifest m) {
        return new NerModel(m, labels, features, stage, documentPass, formSums);
    }

    /**
     * Each thread's scratch space, reused from call to call so that tagging a sentence allocates little more
     * than its result; one grown past {@link #KEPT_TOKENS} tokens is dropped after its call.
     */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);
    private static final int KEPT_TOKENS = 4096;

    /** Scratch space for one call. */
    static final class Scratch {
        boolean inUse;
        final FeatureExtractor.Buffer buffer = new FeatureExtractor.Buffer();
        float[] em = new float[0];
        float[] score = new float[0];
        int[] back = new int[0];

        void ensure(int n, int l) {
            if (em.length < n * l) {
                int c = Math.max(n * l, em.length * 2);
                em = new float[c];
                score = new float[c];
                back = new int[c];
            }
        }
    }

    /** Label ids of every token of a document (sentences of raw tokens). */
    int[][] tagDocument(List<String[]> sentences) {
        return tagPrepared(features.prepare(sentences));
    }

    /** Label ids of every token of a prepared document. */
    int[][] tagPrepared(FeatureExtractor.Doc doc) {
        Scratch sc = SCRATCH.get();
        if (sc.inUse) {
            sc = new Scratch();
        }
        sc.inUse = true;
        try {
            return tagPrepared(doc, sc);
        } finally {
            sc.inUse = false;
            if (sc.em.length > KEPT_TOKENS * labels.length) {
                SCRATCH.remove();
            }
        }
    }

    private int[][] tagPrepared(FeatureExtractor.Doc doc, Scratch sc) {
        int l = labels.length;
        int ns = doc.sentences();
        int[][] out = new int[ns][];
        float[][] first = documentPass ? new float[ns][] : null;
        for (int s = 0; s < ns; s++) {
            features.extract(doc, s, sc.buffer, formSums);
            out[s] = decode(stage, null, sc);
            if (first != null) {
                first[s] = java.util.Arrays.copyOf(sc.em, sc.buffer.n * l);
            }
        }
        if (first != null) {
            doc.stage1 = out;
            features.countStage1(doc);
            int[][] second = new int[ns][];
            for (int s = 0; s < ns; s++) {
                features.extractDocument(doc, s, sc.buffer);
                second[s] = decode(stage, first[s], sc);
            }
            out = second;
        }
        for (int s = 0; s < out.length; s++) {
            trimHonorifics(doc.norm[s], out[s]);
            extendGivenNames(doc.norm[s], out[s]);
        }
        return out;
    }

    private int[] decode(Stage stage, float[] base, Scratch sc) {
        int n = sc.buffer.n;
        int l = labels.length;
        sc.ensure(n, l);
        Viterbi.emissions(stage.weights(), stage.scale(), l, sc.buffer, base, sc.em);
        int[] y = new int[n];
        Viterbi.decode(n, l, sc.em, stage.transitions(), stage.start(), allowed, sc.score, sc.back, y);
        return y;
    }

    /**
     * A romanised Chinese given name written with a hyphen ("Heung-yeung", "Yuet-ngor") right after a person
     * name belongs to it: "Harry Shum Heung-yeung" is one person.
     */
    private void extendGivenNames(String[] tokens, int[] y) {
        for (int i = 1; i < y.length; i++) {
            if (labels[y[i]].equals("O") && labels[y[i - 1]].endsWith("-PER") && isHyphenatedGivenName(tokens[i])) {
                y[i] = inPerson;
            }
        }
    }

    static boolean isHyphenatedGivenName(String w) {
        int dash = w.indexOf('-');
        if (dash < 2 || dash > w.length() - 3 || !Character.isUpperCase(w.charAt(0))) {
            return false;
        }
        for (int k = 1; k < w.length(); k++) {
            if (k != dash && !(w.charAt(k) >= 'a' && w.charAt(k) <= 'z')) {
                return false;
            }
        }
        return w.length() <= 14;
    }

    /** A person name never starts with a courtesy title: "Mr Shum" is O B-PER, as in CoNLL-2003. */
    private void trimHonorifics(String[] tokens, int[] y) {
        for (int i = 0; i + 1 < y.length; i++) {
            if (labels[y[i]].equals("B-PER") && labels[y[i + 1]].equals("I-PER")
                    && FeatureExtractor.isHonorific(tokens[i])) {
                y[i + 1] = y[i];
                y[i] = outside;
            }
        }
    }

    String label(int id) {
        return labels[id];
    }

    int typeOf(int label) {
        return typeOfLabel[label];
    }

    // ------------------------------------------------------------------ format

    void write(OutputStream raw) throws IOException {
        GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16);
        DataOutputStream d = new DataOutputStream(new java.io.BufferedOutputStream(gz, 1 << 16));
        d.writeInt(MAGIC);
        d.writeInt(FORMAT_VERSION);
        byte[] json = manifest.toJson().getBytes(StandardCharsets.UTF_8);
        d.writeInt(json.length);
        d.write(json);
        d.writeInt(labels.length);
        for (String s : labels) {
            d.writeUTF(s);
        }
        d.writeInt(features.bits());
        d.writeBoolean(features.clusters() != null);
        if (features.clusters() != null) {
            features.clusters().writeBody(d);
        }
        features.gazetteer().write(d);
        features.found().write(d);
        d.writeInt(documentPass ? 2 : 1);
        writeStage(d, stage);
        d.writeInt(MAGIC);
        d.flush();
        gz.finish();
    }

    private void writeStage(DataOutputStream d, Stage st) throws IOException {
        int l = labels.length;
        d.writeInt(st.bits());
        for (float f : st.transitions()) {
            d.writeFloat(f);
        }
        for (float f : st.start()) {
            d.writeFloat(f);
        }
        d.writeFloat(st.scale());
        WeightRows w = st.weights();
        short[] values = w.values();
        long[] present = w.present();
        d.writeInt(w.size());
        int prev = -1;
        int at = 0;
        for (int block = 0; block < present.length; block++) {
            for (long word = present[block]; word != 0; word &= word - 1) {
                int r = (block << 6) + Long.numberOfTrailingZeros(word);
                writeVarInt(d, r - prev);
                prev = r;
                int mask = 0;
                for (int k = 0; k < l; k++) {
                    if (values[at + k] != 0) {
                        mask |= 1 << k;
                    }
                }
                d.writeShort(mask);
                for (int k = 0; k < l; k++) {
                    if ((mask & (1 << k)) != 0) {
                        d.writeShort(values[at + k]);
                    }
                }
                at += l;
            }
        }
    }

    private static void writeVarInt(DataOutputStream d, int v) throws IOException {
        while ((v & ~0x7F) != 0) {
            d.writeByte((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        d.writeByte(v);
    }

    /** The unsigned byte at {@code i}; past the end the model is truncated. */
    private static int byteAt(byte[] b, int i) throws EOFException {
        if (i >= b.length) {
            throw new EOFException("model ends inside the weight table");
        }
        return b[i] & 0xFF;
    }

    static NerModel read(InputStream raw, String source) throws IOException {
        try {
            return readUnchecked(raw, source);
        } catch (ZipException e) {
            throw new NewsNlpException(source + ": not a newsnlp NER model (not gzip data: " + e.getMessage() + ")", e);
        } catch (EOFException e) {
            throw new NewsNlpException(source + ": truncated newsnlp NER model", e);
        } catch (UTFDataFormatException | IllegalArgumentException | NegativeArraySizeException
                 | ArrayIndexOutOfBoundsException e) {
            throw new NewsNlpException(source + ": corrupt newsnlp NER model (" + e + ")", e);
        }
    }

    private static NerModel readUnchecked(InputStream raw, String source) throws IOException {
        DataInputStream d = new DataInputStream(new java.io.BufferedInputStream(new GZIPInputStream(raw, 1 << 16),
                1 << 16));
        int magic = d.readInt();
        if (magic != MAGIC) {
            throw new NewsNlpException(source + ": not a newsnlp NER model (bad magic number 0x"
                    + Integer.toHexString(magic) + ")");
        }
        int version = d.readInt();
        if (version < 1 || version > FORMAT_VERSION) {
            throw new NewsNlpException(source + ": NER model format version " + version
                    + " is not supported (this reader knows 1.." + FORMAT_VERSION + ")");
        }
        int jsonLength = d.readInt();
        if (jsonLength < 2 || jsonLength > (1 << 20)) {
            throw new NewsNlpException(source + ": corrupt NER model (manifest of " + jsonLength + " bytes)");
        }
        byte[] json = new byte[jsonLength];
        d.readFully(json);
        ModelManifest manifest = ModelManifest.read(new java.io.ByteArrayInputStream(json), source);
        manifest.requireFormat(FORMAT, FORMAT_VERSION, source);
        int l = d.readInt();
        if (l < 2 || l > 16) {
            throw new NewsNlpException(source + ": corrupt NER model (" + l + " labels)");
        }
        String[] labels = new String[l];
        for (int i = 0; i < l; i++) {
            labels[i] = d.readUTF();
        }
        int bits = d.readInt();
        if (bits < 8 || bits > 26) {
            throw new NewsNlpException(source + ": corrupt NER model (hash bits " + bits + ")");
        }
        WordClusters clusters = d.readBoolean() ? WordClusters.readBody(d, source) : null;
        Gazetteer gaz = Gazetteer.read(d, source);
        Gazetteer found = Gazetteer.read(d, source);
        int ns = d.readInt();
        if (ns < 1 || ns > 2) {
            throw new NewsNlpException(source + ": corrupt NER model (" + ns + " passes)");
        }
        Stage stage;
        {
            int sb = d.readInt();
            if (sb < 8 || sb > 24) {
                throw new NewsNlpException(source + ": corrupt NER model (hash bits " + sb + ")");
            }
            int rows = 1 << sb;
            float[] trans = new float[l * l];
            for (int i = 0; i < trans.length; i++) {
                trans[i] = d.readFloat();
            }
            float[] start = new float[l];
            for (int i = 0; i < l; i++) {
                start[i] = d.readFloat();
            }
            float q = d.readFloat();
            int nonEmpty = d.readInt();
            if (nonEmpty < 0 || nonEmpty > rows || !(q > 0)) {
                throw new NewsNlpException(source + ": corrupt NER model (" + nonEmpty + " weight rows, scale " + q + ")");
            }
            WeightRows.Builder w = new WeightRows.Builder(sb, l);
            short[] row = new short[l];
            // the rows and the end marker are the rest of the stream: parsed from one array, not byte by byte
            byte[] rest = d.readAllBytes();
            int at = 0;
            int r = -1;
            for (int k = 0; k < nonEmpty; k++) {
                int delta = 0;
                for (int shift = 0; ; shift += 7) {
                    if (shift >= 32) {
                        throw new IOException("variable-length integer too long");
                    }
                    int b = byteAt(rest, at++);
                    delta |= (b & 0x7F) << shift;
                    if ((b & 0x80) == 0) {
                        break;
                    }
                }
                r += delta;
                if (delta <= 0 || r >= rows) {
                    throw new NewsNlpException(source + ": corrupt NER model (weight row " + r + ")");
                }
                int mask = (byteAt(rest, at) << 8) | byteAt(rest, at + 1);
                at += 2;
                for (int j = 0; j < l; j++) {
                    if ((mask & (1 << j)) != 0) {
                        row[j] = (short) ((byteAt(rest, at) << 8) | byteAt(rest, at + 1));
                        at += 2;
                    } else {
                        row[j] = 0;
                    }
                }
                w.add(r, row);
            }
            stage = new Stage(w.build(), q, trans, start);
            int end = (byteAt(rest, at) << 24) | (byteAt(rest, at + 1) << 16) | (byteAt(rest, at + 2) << 8)
                    | byteAt(rest, at + 3);
            if (end != MAGIC) {
                throw new NewsNlpException(source + ": corrupt NER model (end marker missing)");
            }
        }
        return new NerModel(manifest, labels, new FeatureExtractor(clusters, gaz, found, bits, l), stage, ns == 2);
    }

    static byte[] toBytes(NerModel m) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.write(out);
        return out.toByteArray();
    }
}
