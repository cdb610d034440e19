package io.newsindex.analysis;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.it.ItalianLightStemFilter;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** Italian: elision (l', dell'), stop words, light stemming (as Lucene's ItalianAnalyzer), folding. */
@NamedComponent("italian")
public class ItalianAnalyzerFactory implements AnalyzerFactory {
    /** Lucene's ItalianAnalyzer keeps its article list private: the same articles. */
    private static final CharArraySet ARTICLES = new CharArraySet(List.of("c", "l", "all", "dall", "dell",
        "nell", "sull", "coll", "pell", "gl", "agl", "dagl", "degl", "negl", "sugl", "un", "m", "t", "s", "v", "d"),
        true);

    @Override
    public Analyzer create() {
        return new LanguageAnalyzer(source ->
            new ItalianLightStemFilter(new StopFilter(
            new LowerCaseFilter(new ElisionFilter(source, ARTICLES)), ItalianAnalyzer.getDefaultStopSet())));
    }
}
