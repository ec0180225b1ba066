package org.newsnlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.newsnlp.entity.Entity;
import org.newsnlp.entity.EntityRecognizer;
import org.newsnlp.entity.EntityResolver;
import org.newsnlp.entity.Mention;
import org.newsnlp.extract.ArticleExtractor;
import org.newsnlp.extract.ExtractedArticle;
import org.newsnlp.extract.JsoupArticleExtractor;
import org.newsnlp.model.DefaultModels;
import org.newsnlp.text.Language;
import org.newsnlp.text.LanguageIdentifier;
import org.newsnlp.text.OpenNlpLanguageIdentifier;
import org.newsnlp.text.TextSegmenter;
import org.newsnlp.text.TokenizedText;
import org.newsnlp.topic.Topic;
import org.newsnlp.topic.TopicClassifier;
import org.newsnlp.topic.TopicPrediction;

/**
 * The front door: turns a news page (HTML) or scraped article text into an {@link AnalyzedArticle} with
 * its text, metadata, sentences, tokens, entities and topics.
 *
 * <pre>{@code
 * NewsAnalyzer nlp = NewsAnalyzer.withDefaultModels();          // load once, share everywhere
 * AnalyzedArticle a = nlp.analyzeHtml(html, "https://example.com/story");
 * a.entities(EntityType.COMPANY);
 * }</pre>
 *
 * <p>Instances are immutable and safe to share between threads; build one per application and reuse it.
 */
public final class NewsAnalyzer {

    private final ArticleExtractor extractor;
    private final LanguageIdentifier languages;
    private final TextSegmenter segmenter;
    private final EntityRecognizer recognizer;
    private final EntityResolver resolver;
    private final TopicClassifier topics;

    private NewsAnalyzer(Builder b) {
        this.extractor = Objects.requireNonNull(b.extractor, "extractor");
        this.languages = Objects.requireNonNull(b.languages, "languageIdentifier");
        this.segmenter = Objects.requireNonNull(b.segmenter, "segmenter");
        this.recognizer = Objects.requireNonNull(b.recognizer, "entityRecognizer");
        this.resolver = Objects.requireNonNull(b.resolver, "entityResolver");
        this.topics = Objects.requireNonNull(b.topics, "topicClassifier");
    }

    /**
     * An analyzer with the default English models: the extractor, OpenNLP language identification,
     * rule-based sentences and tokens ({@link TextSegmenter#fast()}, news/CoNLL token conventions), the
     * shipped named-entity model, entity resolution and the {@code news-bbc5}
     * topic model. The models come from the {@code newsnlp-models} artifact on the classpath.
     *
     * @throws NewsNlpException when a default model is missing or unreadable
     */
    public static NewsAnalyzer withDefaultModels() {
        return builder().build();
    }

    /** A builder preset with the default models; replace any stage before {@link Builder#build()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this analyzer's stages, to make a variant. */
    public Builder toBuilder() {
        Builder b = new Builder(false);
        b.extractor = extractor;
        b.languages = languages;
        b.segmenter = segmenter;
        b.recognizer = recognizer;
        b.resolver = resolver;
        b.topics = topics;
        return b;
    }

    /**
     * Analyses an HTML page.
     *
     * @param html the page source
     * @param url  the page's URL, may be {@code null}
     */
    public AnalyzedArticle analyzeHtml(String html, String url) {
        Objects.requireNonNull(html, "html");
        return analyze(extractor.fromHtml(html, url));
    }

    /** Analyses text scraped from a news page, or a plain article text. */
    public AnalyzedArticle analyzeText(String text) {
        Objects.requireNonNull(text, "text");
        return analyze(extractor.fromText(text));
    }

    /**
     * Analyses many inputs on all cores. Results come back in input order; an input that fails does not
     * affect the others.
     *
     * @param inputs the documents
     * @return one result per input, in order
     */
    public List<BatchResult> analyzeAll(List<ArticleInput> inputs) {
        Objects.requireNonNull(inputs, "inputs");
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i) == null) {
                throw new NullPointerException("inputs[" + i + "] is null");
            }
        }
        // A parallel stream runs on the common pool plus the calling thread, so it uses every core.
        return inputs.parallelStream().map(this::analyzeOne).toList();
    }

    private BatchResult analyzeOne(ArticleInput in) {
        try {
            AnalyzedArticle a = in.html() ? analyzeHtml(in.content(), in.url()) : analyzeText(in.content());
            return new BatchResult(in, a, null);
        } catch (RuntimeException | StackOverflowError e) {
            RuntimeException err = e instanceof RuntimeException r ? r
                    : new NewsNlpException("analysis failed: " + e, e);
            return new BatchResult(in, null, err);
        }
    }

    /**
     * How much of the text language identification reads: the language of a news article is settled by its
     * first paragraphs (on the BBC News articles the first 1,000 characters give the same language as the
     * whole text, at a third of the cost).
     */
    static final int LANGUAGE_SAMPLE_CHARS = 1000;

    /** Runs the language, segmentation, entity and topic stages over an extracted article. */
    public AnalyzedArticle analyze(ExtractedArticle article) {
        String text = article.text();
        List<String> notes = new ArrayList<>(article.notes().size() + 1);
        notes.addAll(article.notes());
        Language lang = languages.identify(text.isEmpty() ? article.title() : languageSample(text));
        TokenizedText tokenized = segmenter.segment(text);
        List<Entity> entities = List.of();
        List<Topic> topicList = List.of();
        if (text.isBlank()) {
            notes.add("no article text: entities and topics not computed");
        } else if (!lang.isEnglish() && !Language.UNDETERMINED.equals(lang)) {
            notes.add("language '" + lang.code() + "' is not English: entities and topics not computed");
        } else {
            List<Mention> mentions = recognizer.recognize(tokenized);
            entities = resolver.resolve(tokenized, article.title(), mentions);
            TopicPrediction p = topics.classify(article.title(), text);
            topicList = p.topics();
        }
        return new AnalyzedArticle(article.metadata(), lang, text, tokenized.tokens(), tokenized.sentences(),
                entities, topicList, article.related(), notes);
    }

    /**
     * The start of {@code text}, about {@link #LANGUAGE_SAMPLE_CHARS} long, cut after a word so that no word
     * is split.
     */
    static CharSequence languageSample(String text) {
        if (text.length() <= LANGUAGE_SAMPLE_CHARS) {
            return text;
        }
        int end = LANGUAGE_SAMPLE_CHARS;
        int limit = Math.min(text.length(), LANGUAGE_SAMPLE_CHARS + 100);
        while (end < limit && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        if (end < text.length() && Character.isLowSurrogate(text.charAt(end))) {
            end++;
        }
        return text.subSequence(0, end);
    }

    /** One document of a batch. */
    public record ArticleInput(String content, boolean html, String url) {
        public ArticleInput {
            Objects.requireNonNull(content, "content");
        }

        /** An HTML page. */
        public static ArticleInput html(String html, String url) {
            return new ArticleInput(html, true, url);
        }

        /** A text. */
        public static ArticleInput text(String text) {
            return new ArticleInput(text, false, null);
        }
    }

    /** The outcome of one document of a batch: an article, or the error that stopped it. */
    public record BatchResult(ArticleInput input, AnalyzedArticle article, RuntimeException error) {
        /** True when the document was analysed. */
        public boolean ok() {
            return error == null;
        }
    }

    /**
     * Builds a {@link NewsAnalyzer}. Starts from the default stages; any stage left unset is loaded from the
     * default models when {@link #build()} runs. Not thread-safe; the analyzer it builds is.
     */
    public static final class Builder {
        private ArticleExtractor extractor;
        private LanguageIdentifier languages;
        private TextSegmenter segmenter;
        private EntityRecognizer recognizer;
        private EntityResolver resolver;
        private TopicClassifier topics;

        private Builder() {
        }

        private Builder(boolean unused) {
        }

        /** The article extractor. */
        public Builder extractor(ArticleExtractor value) {
            this.extractor = Objects.requireNonNull(value, "extractor");
            return this;
        }

        /** The language identifier. */
        public Builder languageIdentifier(LanguageIdentifier value) {
            this.languages = Objects.requireNonNull(value, "languageIdentifier");
            return this;
        }

        /** The sentence and token segmenter. */
        public Builder segmenter(TextSegmenter value) {
            this.segmenter = Objects.requireNonNull(value, "segmenter");
            return this;
        }

        /** The named-entity recognizer. */
        public Builder entityRecognizer(EntityRecognizer value) {
            this.recognizer = Objects.requireNonNull(value, "entityRecognizer");
            return this;
        }

        /** The entity resolver. */
        public Builder entityResolver(EntityResolver value) {
            this.resolver = Objects.requireNonNull(value, "entityResolver");
            return this;
        }

        /** The topic classifier. */
        public Builder topicClassifier(TopicClassifier value) {
            this.topics = Objects.requireNonNull(value, "topicClassifier");
            return this;
        }

        /**
         * Builds the analyzer, loading a default model for every stage left unset. The default models load
         * concurrently, on up to as many threads as there are processors, to cut start-up time.
         *
         * @throws NewsNlpException when a default model is missing or unreadable; the message names the
         *                          model, and failures of other models are attached as suppressed exceptions
         */
        public NewsAnalyzer build() {
            if (extractor == null) {
                extractor = new JsoupArticleExtractor();
            }
            if (segmenter == null) {
                segmenter = TextSegmenter.fast();
            }
            List<Load<?>> loads = new ArrayList<>(4);
            Load<LanguageIdentifier> lang = languages == null
                    ? add(loads, "language identification", OpenNlpLanguageIdentifier::load) : null;
            Load<EntityRecognizer> ner = recognizer == null
                    ? add(loads, "named-entity", DefaultModels::entityRecognizer) : null;
            Load<EntityResolver> res = resolver == null
                    ? add(loads, "entity resolution", DefaultModels::entityResolver) : null;
            Load<TopicClassifier> top = topics == null
                    ? add(loads, "topic", DefaultModels::topicClassifier) : null;
            loadAll(loads);
            if (lang != null) {
                languages = lang.value;
            }
            if (ner != null) {
                recognizer = ner.value;
            }
            if (res != null) {
                resolver = res.value;
            }
            if (top != null) {
                topics = top.value;
            }
            return new NewsAnalyzer(this);
        }

        private static <T> Load<T> add(List<Load<?>> loads, String model, Supplier<T> loader) {
            Load<T> l = new Load<>(model, loader);
            loads.add(l);
            return l;
        }

        /**
         * Runs the loads on the calling thread and, when there are several processors, on short-lived daemon
         * threads that take the next load as they finish one (slowest first); waits for all of them, then
         * throws the first failure, naming its model, with the other failures suppressed.
         */
        private static void loadAll(List<Load<?>> loads) {
            int helpers = Math.min(loads.size(), Runtime.getRuntime().availableProcessors()) - 1;
            AtomicInteger next = new AtomicInteger();
            Runnable worker = () -> {
                for (int i = next.getAndIncrement(); i < loads.size(); i = next.getAndIncrement()) {
                    loads.get(i).run();
                }
            };
            if (helpers > 0) {
                ExecutorService pool = Executors.newFixedThreadPool(helpers, r -> {
                    Thread t = new Thread(r, "newsnlp-model-load");
                    t.setDaemon(true);
                    return t;
                });
                try {
                    List<CompletableFuture<Void>> running = new ArrayList<>(helpers);
                    for (int i = 0; i < helpers; i++) {
                        running.add(CompletableFuture.runAsync(worker, pool));
                    }
                    worker.run();
                    // Load.run() keeps every failure, so join() only waits for the helpers to finish
                    CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
                } finally {
                    pool.shutdown();
                }
            } else {
                worker.run();
            }
            Throwable first = null;
            for (Load<?> l : loads) {
                if (l.failure == null) {
                    continue;
                }
                if (first == null) {
                    first = l.failure;
                } else {
                    first.addSuppressed(l.failure);
                }
            }
            if (first instanceof RuntimeException r) {
                throw r;
            }
            if (first instanceof Error e) {
                throw e;
            }
        }

        /** One default model to load, with its outcome. */
        private static final class Load<T> {
            final String model;
            final Supplier<T> loader;
            volatile T value;
            volatile Throwable failure;

            Load(String model, Supplier<T> loader) {
                this.model = model;
                this.loader = loader;
            }

            void run() {
                try {
                    value = Objects.requireNonNull(loader.get(), model + " model loader returned null");
                } catch (NewsNlpException e) {
                    failure = new NewsNlpException("default " + model + " model: " + e.getMessage(), e);
                } catch (RuntimeException e) {
                    failure = new NewsNlpException("cannot load the default " + model + " model: " + e, e);
                } catch (Error e) {
                    failure = e;
                }
            }
        }
    }
}
