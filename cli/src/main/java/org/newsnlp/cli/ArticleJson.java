package org.newsnlp.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.newsnlp.AnalyzedArticle;
import org.newsnlp.entity.Entity;
import org.newsnlp.entity.Mention;
import org.newsnlp.extract.ArticleMetadata;
import org.newsnlp.extract.ExtractedArticle;
import org.newsnlp.extract.RelatedItem;
import org.newsnlp.text.Sentence;
import org.newsnlp.text.Token;
import org.newsnlp.topic.Topic;

/** The CLI's JSON shapes for analysed and extracted articles. */
final class ArticleJson {

    private static final ObjectMapper COMPACT = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ArticleJson() {
    }

    static String write(Object value, boolean pretty) {
        try {
            return (pretty ? PRETTY : COMPACT).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static Map<String, Object> analyzed(String source, AnalyzedArticle a, boolean withTokens) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source);
        m.put("title", a.title());
        m.put("language", a.language().code());
        metadata(m, a.metadata());
        m.put("text", a.text());
        List<Object> entities = new ArrayList<>(a.entities().size());
        for (Entity e : a.entities()) {
            Map<String, Object> em = new LinkedHashMap<>();
            em.put("type", e.type().name());
            em.put("name", e.name());
            if (e.code() != null) {
                em.put("code", e.code());
            }
            em.put("salience", round(e.salience()));
            List<Object> mentions = new ArrayList<>(e.mentions().size());
            for (Mention mention : e.mentions()) {
                Map<String, Object> mm = new LinkedHashMap<>();
                mm.put("text", mention.text());
                mm.put("start", mention.start());
                mm.put("end", mention.end());
                mentions.add(mm);
            }
            em.put("mentions", mentions);
            entities.add(em);
        }
        m.put("entities", entities);
        List<Object> topics = new ArrayList<>(a.topics().size());
        for (Topic t : a.topics()) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("label", t.label());
            tm.put("score", round(t.score()));
            topics.add(tm);
        }
        m.put("topics", topics);
        m.put("related", related(a.related()));
        if (withTokens) {
            List<Object> sentences = new ArrayList<>(a.sentences().size());
            for (Sentence s : a.sentences()) {
                List<Object> toks = new ArrayList<>(s.tokenCount());
                for (Token t : a.tokens().subList(s.firstToken(), s.endToken())) {
                    toks.add(List.of(t.text(), t.start(), t.end()));
                }
                Map<String, Object> sm = new LinkedHashMap<>();
                sm.put("start", s.start());
                sm.put("end", s.end());
                sm.put("tokens", toks);
                sentences.add(sm);
            }
            m.put("sentences", sentences);
        }
        m.put("notes", a.notes());
        return m;
    }

    static Map<String, Object> extracted(String source, ExtractedArticle a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source);
        m.put("title", a.title());
        metadata(m, a.metadata());
        m.put("text", a.text());
        m.put("related", related(a.related()));
        m.put("notes", a.notes());
        return m;
    }

    private static void metadata(Map<String, Object> m, ArticleMetadata md) {
        putIfPresent(m, "byline", md.byline());
        putIfPresent(m, "published", md.published());
        putIfPresent(m, "site", md.site());
        putIfPresent(m, "canonicalUrl", md.canonicalUrl());
        putIfPresent(m, "url", md.url());
        putIfPresent(m, "declaredLanguage", md.language());
    }

    private static List<Object> related(List<RelatedItem> items) {
        List<Object> out = new ArrayList<>(items.size());
        for (RelatedItem r : items) {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("title", r.title());
            rm.put("summary", r.summary());
            putIfPresent(rm, "url", r.url());
            out.add(rm);
        }
        return out;
    }

    private static void putIfPresent(Map<String, Object> m, String key, String value) {
        if (value != null && !value.isEmpty()) {
            m.put(key, value);
        }
    }

    private static double round(double v) {
        return Math.round(v * 10000.0) / 10000.0;
    }
}
