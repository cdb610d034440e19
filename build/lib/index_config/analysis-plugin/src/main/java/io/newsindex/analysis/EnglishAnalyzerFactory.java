package io.newsindex.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** English: possessives, stop words, Porter stemming (as Lucene's EnglishAnalyzer), folding. */
@NamedComponent("english")
public class EnglishAnalyzerFactory implements AnalyzerFactory {
    @Override
    public Analyzer create() {
        return new LanguageAnalyzer(source ->
            new PorterStemFilter(new StopFilter(new LowerCaseFilter(new EnglishPossessiveFilter(source)),
            EnglishAnalyzer.ENGLISH_STOP_WORDS_SET)));
    }
}
