package io.newsindex.analysis;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;

/**
 * The `keyword` tokenizer of analysis-common (the whole value as one token), for the local node. With
 * `lowercase` and `asciifolding` it makes the template's `folded` analyzer, which the author, tag and site
 * filters match on ("Lucia Romero" finds "Lucía Romero"). A stable plugin cannot give a keyword normalizer
 * its filters (the node accepts only its own normalizing filters there), hence an analyzer.
 */
@NamedComponent("keyword")
public class KeywordTokenizerFactory implements TokenizerFactory {
    @Override
    public Tokenizer create() {
        return new KeywordTokenizer();
    }
}
