package io.newsindex.analysis;

import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * The `lowercase` token filter of the full distribution's analysis-common, which the local node lacks: with
 * `asciifolding` it makes the template's keyword normalizer work on both nodes under the same names.
 */
@NamedComponent("lowercase")
public class LowercaseFilterFactory implements TokenFilterFactory {
    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new LowerCaseFilter(tokenStream);
    }

    @Override
    public TokenStream normalize(TokenStream tokenStream) {
        return create(tokenStream);
    }
}
