package org.newsnlp.topic;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

import org.newsnlp.NewsNlpException;
import org.newsnlp.model.DefaultModels;
import org.newsnlp.model.ModelManifest;

/**
 * A trained topic model: its {@link ModelManifest} and its {@link LinearTopicClassifier}, with typed
 * loading and saving.
 *
 * <pre>{@code
 * TopicModel model = TopicModel.loadShipped("news-bbc5");        // or TopicModel.load(Path.of("my.bin.gz"))
 * TopicPrediction p = model.classify("Markets rally", "Shares rose sharply on Monday...");
 * }</pre>
 *
 * <h2>File format ({@value #FORMAT}, version {@value #FORMAT_VERSION})</h2>
 * A gzip stream holding, in {@link DataOutputStream} encoding (big-endian):
 * <ol>
 *   <li>{@code int} magic {@code 0x4E4E5450} ("NNTP"), {@code int} format version;</li>
 *   <li>{@code int} length and the UTF-8 bytes of the manifest JSON;</li>
 *   <li>features: {@code byte} hash bits, {@code byte} largest word n-gram, {@code byte} smallest and
 *       {@code byte} largest character n-gram (0 for none), {@code byte} shortest word,
 *       {@code boolean} sublinear tf, {@code int} minimum document frequency; from version 2 a {@code byte}
 *       of word options (bit 0 cased words, bit 1 plural stemming; version 1 files have neither);</li>
 *   <li>{@code boolean} multi-label, {@code boolean} at least one label, {@code int} label count K and K
 *       {@code UTF} labels;</li>
 *   <li>{@code int} column count U, U {@code int} bucket numbers (ascending), U {@code float} idf values;</li>
 *   <li>per label: {@code float} bias, {@code float} scale and U {@code short} quantised weights
 *       ({@code weight = q * scale});</li>
 *   <li>calibration: single-label one {@code float} softmax temperature; multi-label per label
 *       {@code float} a, {@code float} b (probability {@code 1 / (1 + exp(a s + b))}) and {@code float}
 *       threshold;</li>
 *   <li>{@code int} end marker {@code 0x454E4421} ("END!").</li>
 * </ol>
 * A model whose features need no version 2 option is written as version 1, readable by older readers.
 * The manifest is also written beside shipped models as {@code manifest.json}.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class TopicModel implements TopicClassifier {

    /** The manifest's format name. */
    public static final String FORMAT = "newsnlp-topics";
    /** The file format version this code writes and the newest it reads. */
    public static final int FORMAT_VERSION = 2;
    /** Classpath folder of the shipped topic models: {@code <name>/model.bin.gz} and {@code <name>/manifest.json}. */
    public static final String SHIPPED_ROOT = DefaultModels.ROOT + "topics/";
    /** The shipped models. */
    public static final List<String> SHIPPED = List.of("news-bbc5", "reuters-econ90");

    private static final int MAGIC = 0x4E4E5450;
    private static final int CASED_WORDS = 1;
    private static final int STEM_PLURALS = 2;
    private static final int END = 0x454E4421;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final ModelManifest manifest;
    private final LinearTopicClassifier classifier;

    TopicModel(ModelManifest manifest, LinearTopicClassifier classifier) {
        this.manifest = Objects.requireNonNull(manifest, "manifest");
        this.classifier = Objects.requireNonNull(classifier, "classifier");
    }

    /** The oldest file format version that holds these feature settings. */
    static int formatVersion(TopicFeatureConfig f) {
        return f.casedWords() || f.stemPlurals() ? 2 : 1;
    }

    static String checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("model name must be letters, digits, '.', '_' or '-', got '" + name + "'");
        }
        return name;
    }

    /** What the model says about itself. */
    public ModelManifest manifest() {
        return manifest;
    }

    /** The model's name. */
    public String name() {
        return manifest.name();
    }

    /** The classifier. */
    public LinearTopicClassifier classifier() {
        return classifier;
    }

    /** The labels the model predicts. */
    public List<String> labels() {
        return classifier.labels();
    }

    /** True for a multi-label model. */
    public boolean multiLabel() {
        return classifier.multiLabel();
    }

    @Override
    public TopicPrediction classify(String title, String text) {
        return classifier.classify(title, text);
    }

    /** A copy with another manifest (for example with measured metrics); the labels must stay the same. */
    public TopicModel withManifest(ModelManifest m) {
        if (!m.labels().equals(classifier.labels())) {
            throw new IllegalArgumentException("manifest labels " + m.labels() + " differ from the model's "
                    + classifier.labels());
        }
        m.requireFormat(FORMAT, FORMAT_VERSION, "manifest of " + m.name());
        return new TopicModel(m, classifier);
    }

    /** A copy whose manifest has these metrics added (replacing any of the same name). */
    public TopicModel withMetrics(Map<String, Double> metrics) {
        Map<String, Double> all = new java.util.LinkedHashMap<>(manifest.metrics());
        all.putAll(metrics);
        return new TopicModel(manifest.withMetrics(all), classifier);
    }

    /** Loads a shipped model by name ({@link #SHIPPED}) from the classpath. */
    public static TopicModel loadShipped(String name) {
        checkName(name);
        String dir = SHIPPED_ROOT + name + "/";
        ClassLoader cl = TopicModel.class.getClassLoader();
        try (InputStream bin = cl.getResourceAsStream(dir + "model.bin.gz");
             InputStream man = cl.getResourceAsStream(dir + "manifest.json")) {
            if (bin == null || man == null) {
                throw new NewsNlpException("topic model '" + name + "' is not on the classpath under " + dir
                        + " (shipped models: " + SHIPPED + "; add the org.newsnlp:newsnlp-models artifact)");
            }
            TopicModel model = load(bin, dir + "model.bin.gz");
            ModelManifest side = ModelManifest.read(man, dir + "manifest.json");
            side.requireFormat(FORMAT, FORMAT_VERSION, dir + "manifest.json");
            if (!side.name().equals(model.name()) || !side.labels().equals(model.labels())) {
                throw new NewsNlpException(dir + "manifest.json: describes '" + side.name() + "' " + side.labels()
                        + " but the model file is '" + model.name() + "' " + model.labels());
            }
            return model;
        } catch (IOException e) {
            throw new NewsNlpException("topic model '" + name + "': cannot read " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads a shipped model when {@code nameOrPath} is one of {@link #SHIPPED} and no such file exists,
     * else the model file at that path.
     */
    public static TopicModel loadNamedOrFile(String nameOrPath) throws IOException {
        Path p = Path.of(nameOrPath);
        if (!Files.exists(p) && SHIPPED.contains(nameOrPath)) {
            return loadShipped(nameOrPath);
        }
        if (!Files.exists(p)) {
            throw new java.nio.file.NoSuchFileException(nameOrPath, null,
                    "no such model file (shipped models: " + SHIPPED + ")");
        }
        return load(p);
    }

    /**
     * Loads a model file.
     *
     * @throws IOException      when the file cannot be read
     * @throws NewsNlpException when it is not a topic model of a known version, or is corrupt (the message names it)
     */
    public static TopicModel load(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        }
    }

    /**
     * Loads a model from a stream (not closed).
     *
     * @param source the file or resource name, for messages
     */
    public static TopicModel load(InputStream in, String source) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(source, "source");
        BufferedInputStream bin = new BufferedInputStream(in, 1 << 16);
        bin.mark(2);
        int b0 = bin.read();
        int b1 = bin.read();
        bin.reset();
        if (b0 != 0x1f || b1 != 0x8b) {
            throw new NewsNlpException(source + ": not a newsnlp topic model (expected gzip data starting 1f 8b)");
        }
        try {
            DataInputStream din = new DataInputStream(new BufferedInputStream(new GZIPInputStream(bin, 1 << 16), 1 << 16));
            return read(din, source);
        } catch (EOFException e) {
            throw new NewsNlpException(source + ": truncated topic model file", e);
        } catch (ZipException e) {
            throw new NewsNlpException(source + ": corrupt topic model file (" + e.getMessage() + ")", e);
        }
    }

    private static TopicModel read(DataInputStream in, String source) throws IOException {
        int magic = in.readInt();
        if (magic != MAGIC) {
            throw new NewsNlpException(source + ": not a newsnlp topic model (bad magic number 0x"
                    + Integer.toHexString(magic) + ")");
        }
        int version = in.readInt();
        if (version < 1 || version > FORMAT_VERSION) {
            throw new NewsNlpException(source + ": topic model format version " + version
                    + " is not supported (this reader knows 1.." + FORMAT_VERSION + ")");
        }
        int manifestLength = in.readInt();
        if (manifestLength < 2 || manifestLength > (1 << 24)) {
            throw new NewsNlpException(source + ": corrupt topic model (manifest length " + manifestLength + ")");
        }
        byte[] json = in.readNBytes(manifestLength);
        if (json.length != manifestLength) {
            throw new EOFException();
        }
        ModelManifest manifest = ModelManifest.read(new ByteArrayInputStream(json), source + " (manifest)");
        manifest.requireFormat(FORMAT, FORMAT_VERSION, source);
        TopicFeatureConfig features;
        try {
            byte hashBits = in.readByte();
            byte maxWordNgram = in.readByte();
            byte minCharNgram = in.readByte();
            byte maxCharNgram = in.readByte();
            byte minTokenLength = in.readByte();
            boolean sublinear = in.readBoolean();
            int minDocFreq = in.readInt();
            int options = version >= 2 ? in.readUnsignedByte() : 0;
            if ((options & ~(CASED_WORDS | STEM_PLURALS)) != 0) {
                throw new IllegalArgumentException("unknown word options 0x" + Integer.toHexString(options));
            }
            features = new TopicFeatureConfig(hashBits, maxWordNgram, minCharNgram, maxCharNgram, minTokenLength,
                    sublinear, minDocFreq, (options & CASED_WORDS) != 0, (options & STEM_PLURALS) != 0);
        } catch (IllegalArgumentException e) {
            throw new NewsNlpException(source + ": corrupt topic model (features: " + e.getMessage() + ")", e);
        }
        boolean multiLabel = in.readBoolean();
        boolean atLeastOne = in.readBoolean();
        int k = in.readInt();
        if (k < 1 || k > 100_000) {
            throw new NewsNlpException(source + ": corrupt topic model (label count " + k + ")");
        }
        List<String> labels = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
            labels.add(in.readUTF());
        }
        if (!labels.equals(manifest.labels())) {
            throw new NewsNlpException(source + ": corrupt topic model (labels " + labels
                    + " differ from the manifest's " + manifest.labels() + ")");
        }
        int u = in.readInt();
        if (u < 0 || u > (1 << features.hashBits()) || (long) u * k > Integer.MAX_VALUE - 8) {
            throw new NewsNlpException(source + ": corrupt topic model (column count " + u + ")");
        }
        int[] buckets = new int[u];
        for (int i = 0; i < u; i++) {
            buckets[i] = in.readInt();
            if (buckets[i] < 0 || buckets[i] >= (1 << features.hashBits()) || (i > 0 && buckets[i] <= buckets[i - 1])) {
                throw new NewsNlpException(source + ": corrupt topic model (bucket " + i + ")");
            }
        }
        float[] idf = new float[u];
        for (int i = 0; i < u; i++) {
            idf[i] = in.readFloat();
        }
        float[] weights = new float[u * k];
        float[] bias = new float[k];
        for (int j = 0; j < k; j++) {
            bias[j] = in.readFloat();
            float scale = in.readFloat();
            for (int col = 0; col < u; col++) {
                weights[col * k + j] = in.readShort() * scale;
            }
        }
        float[] calibration = new float[multiLabel ? 3 * k : 1];
        for (int i = 0; i < calibration.length; i++) {
            calibration[i] = in.readFloat();
        }
        int end = in.readInt();
        if (end != END) {
            throw new NewsNlpException(source + ": corrupt topic model (bad end marker)");
        }
        TfIdfVocabulary vocabulary = new TfIdfVocabulary(buckets, idf, features.hashBits(), features.sublinearTf());
        return new TopicModel(manifest, new LinearTopicClassifier(features, vocabulary, labels, multiLabel, weights,
                bias, calibration, atLeastOne));
    }

    /** Saves the model to a file (gzip, format above), replacing it. */
    public void save(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            save(out);
        }
    }

    /** Writes the model to a stream (gzip, format above); does not close it. */
    public void save(OutputStream out) throws IOException {
        GZIPOutputStream gz = new GZIPOutputStream(new java.io.FilterOutputStream(out) {
            @Override
            public void close() throws IOException {
                flush();
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }
        }, 1 << 16);
        DataOutputStream d = new DataOutputStream(new BufferedOutputStream(gz, 1 << 16));
        LinearTopicClassifier c = classifier;
        TopicFeatureConfig f = c.features();
        int version = formatVersion(f);
        d.writeInt(MAGIC);
        d.writeInt(version);
        byte[] json = manifest.toJson().getBytes(StandardCharsets.UTF_8);
        d.writeInt(json.length);
        d.write(json);
        d.writeByte(f.hashBits());
        d.writeByte(f.maxWordNgram());
        d.writeByte(f.minCharNgram());
        d.writeByte(f.maxCharNgram());
        d.writeByte(f.minTokenLength());
        d.writeBoolean(f.sublinearTf());
        d.writeInt(f.minDocFreq());
        if (version >= 2) {
            d.writeByte((f.casedWords() ? CASED_WORDS : 0) | (f.stemPlurals() ? STEM_PLURALS : 0));
        }
        d.writeBoolean(c.multiLabel);
        d.writeBoolean(c.atLeastOneLabel);
        int k = c.labels.size();
        d.writeInt(k);
        for (String l : c.labels) {
            d.writeUTF(l);
        }
        int u = c.vocabulary.size();
        d.writeInt(u);
        for (int b : c.vocabulary.buckets) {
            d.writeInt(b);
        }
        for (float v : c.vocabulary.idf) {
            d.writeFloat(v);
        }
        for (int j = 0; j < k; j++) {
            d.writeFloat(c.bias[j]);
            float max = 0;
            for (int col = 0; col < u; col++) {
                max = Math.max(max, Math.abs(c.weights[col * k + j]));
            }
            float scale = max == 0 ? 1f : max / 32767f;
            d.writeFloat(scale);
            for (int col = 0; col < u; col++) {
                d.writeShort(Math.round(c.weights[col * k + j] / scale));
            }
        }
        for (float v : c.calibration) {
            d.writeFloat(v);
        }
        d.writeInt(END);
        d.flush();
        gz.finish();
        gz.flush();
    }

    /** Writes the manifest as JSON to a file, replacing it. */
    public void saveManifest(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            manifest.write(out);
        }
    }
}
