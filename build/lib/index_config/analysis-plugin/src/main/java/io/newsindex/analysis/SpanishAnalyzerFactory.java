package io.newsindex.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** Spanish: stop words, light stemming (as Lucene's SpanishAnalyzer), folding. */
@NamedComponent("spanish")
public class SpanishAnalyzerFactory implements AnalyzerFactory {
    @Override
    public Analyzer create() {
        return new LanguageAnalyzer(source ->
            new SpanishLightStemFilter(new StopFilter(new LowerCaseFilter(source),
            SpanishAnalyzer.getDefaultStopSet())));
    }
}
