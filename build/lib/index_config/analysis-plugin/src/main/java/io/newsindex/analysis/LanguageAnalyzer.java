package io.newsindex.analysis;

import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * A language's token chain (the filters of Lucene's analyzer for it) followed by accent folding, so that
 * "musee" finds "Musée" and "Munchen" finds "München": the same folding at index and at query time.
 */
final class LanguageAnalyzer extends Analyzer {
    private final UnaryOperator<TokenStream> chain;

    LanguageAnalyzer(UnaryOperator<TokenStream> chain) {
        this.chain = chain;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(source, new ASCIIFoldingFilter(chain.apply(source)));
    }

    /** Prefix, wildcard and fuzzy terms are not stemmed, only lower-cased and folded. */
    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new CyrillicYoFilter(new LowerCaseFilter(in)));
    }
}
