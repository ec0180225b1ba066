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
 * The trained tagger: label set, feature extractor (with its word clusters and gazetteer) and one or two
 * perceptron stages. Immutable and safe to share between threads.
 *
 * <h2>File format {@code newsnlp-ner} version 1</h2>
 * A gzip stream holding, in {@link DataOutputStream} encoding:
 * <ol>
 *   <li>int magic {@code 0x4E4E4552} ("NNER"), int format version (1);</li>
 *   <li>int length and that many bytes of UTF-8 JSON: the {@link ModelManifest};</li>
 *   <li>int label count, each label as UTF (BIO tags, {@code O} first);</li>
 *   <li>int hash bits {@code b}: the weight table has {@code 2^b} rows of one float per label;</li>
 *   <li>boolean: word clusters follow; if so their body as in {@link WordClusters#write} after the version;</li>
 *   <li>the gazetteer: int count, then per name a byte token count, the tokens as UTF and a byte type mask
 *       (bit 0 PER, 1 ORG, 2 LOC, 3 MISC);</li>
 *   <li>int stage count (1 or 2); per stage: {@code L*L} floats of transitions, {@code L} floats of start
 *       scores, a float quantisation step {@code q}, an int count of non-empty rows, then per row its index
 *       as a variable-length delta from the previous row, a short bit mask of the labels present and a
 *       short per present label (weight = short &times; q);</li>
 *   <li>int magic again, as an end marker.</li>
 * </ol>
 */
final class NerModel {

    static final String FORMAT = "newsnlp-ner";
    static final int FORMAT_VERSION = 1;
    private static final int MAGIC = 0x4E4E4552;

    /** Weights of one perceptron stage. */
    record Stage(float[] weights, float[] transitions, float[] start) {
    }

    final ModelManifest manifest;
    final String[] labels;
    final FeatureExtractor features;
    final Stage[] stages;
    final boolean[] allowed;
    private final int[] typeOfLabel;
    private final int outside;

    NerModel(ModelManifest manifest, String[] labels, FeatureExtractor features, Stage[] stages) {
        this.manifest = manifest;
        this.labels = labels.clone();
        this.features = features;
        this.stages = stages.clone();
        this.allowed = Viterbi.allowedTransitions(labels);
        this.outside = java.util.Arrays.asList(labels).indexOf("O");
        this.typeOfLabel = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            typeOfLabel[i] = labels[i].equals("O") ? -1 : Gazetteer.typeIndex(labels[i].substring(2));
        }
    }

    NerModel withManifest(ModelManifest m) {
        return new NerModel(m, labels, features, stages);
    }

    /** Scratch space for one call. */
    static final class Scratch {
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
        FeatureExtractor.Doc doc = features.prepare(sentences);
        Scratch sc = new Scratch();
        int[][] out = decodeStage(doc, 0, sc);
        for (int st = 1; st < stages.length; st++) {
            doc.stage1 = out;
            features.countStage1(doc);
            out = decodeStage(doc, st, sc);
        }
        for (int s = 0; s < out.length; s++) {
            trimHonorifics(doc.norm[s], out[s]);
        }
        return out;
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

    private int[][] decodeStage(FeatureExtractor.Doc doc, int st, Scratch sc) {
        int[][] out = new int[doc.sentences()][];
        int l = labels.length;
        Stage stage = stages[st];
        for (int s = 0; s < doc.sentences(); s++) {
            features.extract(doc, s, st > 0, sc.buffer);
            int n = sc.buffer.n;
            sc.ensure(n, l);
            Viterbi.emissions(stage.weights(), l, sc.buffer, sc.em);
            int[] y = new int[n];
            Viterbi.decode(n, l, sc.em, stage.transitions(), stage.start(), allowed, sc.score, sc.back, y);
            out[s] = y;
        }
        return out;
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
        d.writeInt(stages.length);
        for (Stage st : stages) {
            writeStage(d, st);
        }
        d.writeInt(MAGIC);
        d.flush();
        gz.finish();
    }

    private void writeStage(DataOutputStream d, Stage st) throws IOException {
        int l = labels.length;
        for (float f : st.transitions()) {
            d.writeFloat(f);
        }
        for (float f : st.start()) {
            d.writeFloat(f);
        }
        float[] w = st.weights();
        float max = 0;
        for (float f : w) {
            max = Math.max(max, Math.abs(f));
        }
        float q = max == 0 ? 1f : max / 32767f;
        d.writeFloat(q);
        int rows = w.length / l;
        int nonEmpty = 0;
        for (int r = 0; r < rows; r++) {
            if (rowMask(w, r, l, q) != 0) {
                nonEmpty++;
            }
        }
        d.writeInt(nonEmpty);
        int prev = -1;
        for (int r = 0; r < rows; r++) {
            int mask = rowMask(w, r, l, q);
            if (mask == 0) {
                continue;
            }
            writeVarInt(d, r - prev);
            prev = r;
            d.writeShort(mask);
            for (int k = 0; k < l; k++) {
                if ((mask & (1 << k)) != 0) {
                    d.writeShort(Math.round(w[r * l + k] / q));
                }
            }
        }
    }

    private static int rowMask(float[] w, int r, int l, float q) {
        int mask = 0;
        for (int k = 0; k < l; k++) {
            if (Math.round(w[r * l + k] / q) != 0) {
                mask |= 1 << k;
            }
        }
        return mask;
    }

    private static void writeVarInt(DataOutputStream d, int v) throws IOException {
        while ((v & ~0x7F) != 0) {
            d.writeByte((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        d.writeByte(v);
    }

    private static int readVarInt(DataInputStream d) throws IOException {
        int v = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            int b = d.readUnsignedByte();
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IOException("variable-length integer too long");
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
        int ns = d.readInt();
        if (ns < 1 || ns > 2) {
            throw new NewsNlpException(source + ": corrupt NER model (" + ns + " stages)");
        }
        Stage[] stages = new Stage[ns];
        int rows = 1 << bits;
        for (int s = 0; s < ns; s++) {
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
            if (nonEmpty < 0 || nonEmpty > rows) {
                throw new NewsNlpException(source + ": corrupt NER model (" + nonEmpty + " weight rows)");
            }
            float[] w = new float[rows * l];
            int r = -1;
            for (int k = 0; k < nonEmpty; k++) {
                r += readVarInt(d);
                if (r < 0 || r >= rows) {
                    throw new NewsNlpException(source + ": corrupt NER model (weight row " + r + ")");
                }
                int mask = d.readUnsignedShort();
                int base = r * l;
                for (int j = 0; j < l; j++) {
                    if ((mask & (1 << j)) != 0) {
                        w[base + j] = d.readShort() * q;
                    }
                }
            }
            stages[s] = new Stage(w, trans, start);
        }
        if (d.readInt() != MAGIC) {
            throw new NewsNlpException(source + ": corrupt NER model (end marker missing)");
        }
        return new NerModel(manifest, labels, new FeatureExtractor(clusters, gaz, bits, l), stages);
    }

    static byte[] toBytes(NerModel m) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.write(out);
        return out.toByteArray();
    }
}
