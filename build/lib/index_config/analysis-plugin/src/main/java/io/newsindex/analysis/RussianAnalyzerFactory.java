package io.newsindex.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;
import org.tartarus.snowball.ext.RussianStemmer;

/** Russian: stop words, ё folded to е, Snowball stemming (as Lucene's RussianAnalyzer). */
@NamedComponent("russian")
public class RussianAnalyzerFactory implements AnalyzerFactory {
    @Override
    public Analyzer create() {
        return new LanguageAnalyzer(source ->
            new SnowballFilter(new CyrillicYoFilter(new StopFilter(new LowerCaseFilter(source),
            RussianAnalyzer.getDefaultStopSet())), new RussianStemmer()));
    }
}
