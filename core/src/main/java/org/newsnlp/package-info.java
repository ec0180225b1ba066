/**
 * The front door of newsnlp: {@link org.newsnlp.NewsAnalyzer} turns a news page or article text into an
 * {@link org.newsnlp.AnalyzedArticle}.
 */
package org.newsnlp;
