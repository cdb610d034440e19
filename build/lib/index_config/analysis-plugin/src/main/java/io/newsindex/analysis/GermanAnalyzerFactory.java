package io.newsindex.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** German: stop words, umlaut/ß normalisation, light stemming (as Lucene's GermanAnalyzer), folding. */
@NamedComponent("german")
public class GermanAnalyzerFactory implements AnalyzerFactory {
    @Override
    public Analyzer create() {
        return new LanguageAnalyzer(source ->
            new GermanLightStemFilter(new GermanNormalizationFilter(new StopFilter(new LowerCaseFilter(source),
            GermanAnalyzer.getDefaultStopSet()))));
    }
}
