package io.newsindex.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tr.ApostropheFilter;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;
import org.apache.lucene.analysis.tr.TurkishLowerCaseFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;
import org.tartarus.snowball.ext.TurkishStemmer;

/** Turkish: apostrophe suffixes, dotted/dotless i lower-casing, stop words, Snowball stemming, folding. */
@NamedComponent("turkish")
public class TurkishAnalyzerFactory implements AnalyzerFactory {
    @Override
    public Analyzer create() {
        return new LanguageAnalyzer(source ->
            new SnowballFilter(new StopFilter(new TurkishLowerCaseFilter(new ApostropheFilter(source)),
            TurkishAnalyzer.getDefaultStopSet()), new TurkishStemmer()));
    }
}
