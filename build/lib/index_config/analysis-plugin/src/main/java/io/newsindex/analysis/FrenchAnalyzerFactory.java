package io.newsindex.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** French: elision (l', d'), stop words, light stemming (as Lucene's FrenchAnalyzer), folding. */
@NamedComponent("french")
public class FrenchAnalyzerFactory implements AnalyzerFactory {
    @Override
    public Analyzer create() {
        return new LanguageAnalyzer(source ->
            new FrenchLightStemFilter(new StopFilter(new LowerCaseFilter(new ElisionFilter(source,
            FrenchAnalyzer.DEFAULT_ARTICLES)), FrenchAnalyzer.getDefaultStopSet())));
    }
}
