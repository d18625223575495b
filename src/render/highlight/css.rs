//! rouge 3.30's `css.rb`, ported rule for rule: selectors (`nt` tags, `nc` classes, `nf` ids,
//! `nd` pseudo-classes), properties (`nl` for the CSS property list and vendor prefixes, `py`
//! otherwise), values (`m` numbers and colours, `no` colour names, `nb` keywords, `n` other
//! words, `sx` `url(...)`), at-rules (`k`) and their blocks. rouge's word sets are alternations
//! here, each followed by a lookahead so that it matches a whole identifier, as rouge looks the
//! whole match up in its set. rouge's quirk is kept: a double-quoted string is `s1`, a
//! single-quoted one `s2`.

use std::sync::OnceLock;

use super::regex_lexer::{Grammar, Item::Mixin, Item::Rule, Lexer, Next::*, Tok::*};

/// The CSS lexer (`css`), compiled once.
pub(super) fn css() -> Option<&'static Lexer> {
    static LEXER: OnceLock<Option<Lexer>> = OnceLock::new();
    LEXER.get_or_init(|| Lexer::new(CSS)).as_ref()
}

// rouge: `identifier = /[\p{L}_-][\p{Word}\p{Cf}-]*/`.
macro_rules! identifier {
    () => {
        r"[\p{L}_-][\w\p{Cf}-]*"
    };
}
// The end of an identifier (what rouge's greedy identifier would not extend over).
macro_rules! ident_end {
    () => {
        r"(?![\w\p{Cf}-])"
    };
}
macro_rules! number {
    () => {
        r"-?(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)"
    };
}

// rouge's `attributes`, `builtins`, `constants` and `vendor_prefixes` sets.
macro_rules! attributes {
    () => {
        concat!(
            r"border-bottom-right-radius|drop-initial-before-adjust|transition-timing-function|",
            r"animation-iteration-count|animation-timing-function|border-bottom-left-radius|",
            r"drop-initial-after-adjust|drop-initial-before-align|drop-initial-after-align|",
            r"border-top-right-radius|font-variant-alternates|font-variant-east-asian|",
            r"text-combine-horizontal|text-underline-position|border-top-left-radius|",
            r"font-language-override|font-variant-ligatures|line-stacking-strategy|",
            r"text-emphasis-position|background-attachment|font-feature-settings|font-variant-position|",
            r"text-decoration-color|text-decoration-style|animation-play-state|box-decoration-break|",
            r"font-variant-numeric|text-decoration-line|text-decoration-skip|animation-direction|",
            r"animation-fill-mode|backface-visibility|background-position|border-bottom-color|",
            r"border-bottom-style|border-bottom-width|border-image-outset|border-image-repeat|",
            r"border-image-source|hanging-punctuation|hyphenate-character|line-stacking-shift|",
            r"list-style-position|text-emphasis-color|text-emphasis-style|text-space-collapse|",
            r"transition-duration|transition-property|alignment-baseline|animation-duration|",
            r"border-image-slice|border-image-width|border-right-color|border-right-style|",
            r"border-right-width|drop-initial-value|grid-column-sizing|hyphenate-resource|",
            r"line-stacking-ruby|marquee-play-count|perspective-origin|presentation-level|",
            r"background-origin|background-repeat|border-left-color|border-left-style|border-left-width|",
            r"box-ordinal-group|column-rule-color|column-rule-style|column-rule-width|counter-increment|",
            r"dominant-baseline|drop-initial-size|font-variant-caps|grid-column-align|image-orientation|",
            r"marquee-direction|page-break-before|page-break-inside|speak-punctuation|voice-pitch-range|",
            r"alignment-adjust|background-color|background-image|border-top-color|border-top-style|",
            r"border-top-width|font-size-adjust|grid-column-span|hyphenate-before|image-resolution|",
            r"inline-box-align|list-style-image|page-break-after|punctuation-trim|rendering-intent|",
            r"text-orientation|transform-origin|transition-delay|animation-delay|background-clip|",
            r"background-size|bookmark-target|border-collapse|grid-row-sizing|hyphenate-after|",
            r"hyphenate-lines|image-rendering|justify-content|list-style-type|object-position|",
            r"target-position|text-align-last|text-decoration|transform-style|animation-name|",
            r"baseline-shift|bookmark-label|bookmark-level|bookmark-state|border-spacing|box-flex-group|",
            r"flex-direction|font-synthesis|grid-row-align|letter-spacing|outline-offset|overflow-style|",
            r"padding-bottom|pointer-events|rotation-point|text-rendering|text-transform|vertical-align|",
            r"voice-duration|align-content|border-bottom|border-radius|box-direction|color-profile|",
            r"counter-reset|grid-row-span|grid-template|line-stacking|margin-bottom|marker-offset|",
            r"marquee-speed|marquee-style|outline-color|outline-style|outline-width|overflow-wrap|",
            r"padding-right|ruby-overhang|ruby-position|speak-numeral|text-emphasis|text-overflow|",
            r"voice-balance|anchor-point|border-color|border-image|border-right|border-style|",
            r"border-width|break-before|break-inside|caption-side|column-count|column-width|fit-position|",
            r"float-offset|font-kerning|font-stretch|font-variant|grid-columns|margin-right|marquee-loop|",
            r"padding-left|pause-before|speak-header|table-layout|text-justify|text-outline|unicode-bidi|",
            r"voice-family|voice-stress|voice-volume|word-spacing|writing-mode|align-items|border-left|",
            r"break-after|column-fill|column-rule|column-span|empty-cells|flex-shrink|font-family|",
            r"font-weight|grid-column|line-height|margin-left|mark-before|padding-top|page-policy|",
            r"pause-after|perspective|pitch-range|play-during|rest-before|speech-rate|target-name|",
            r"text-height|text-indent|text-shadow|voice-pitch|voice-range|white-space|align-self|",
            r"appearance|background|border-top|box-orient|box-shadow|box-sizing|column-gap|cue-before|",
            r"flex-basis|font-style|line-break|list-style|margin-top|mark-after|max-height|min-height|",
            r"object-fit|overflow-x|overflow-y|rest-after|ruby-align|string-set|target-new|text-align|",
            r"transition|visibility|voice-rate|word-break|animation|box-align|box-lines|clip-path|",
            r"clip-rule|cue-after|direction|elevation|flex-flow|flex-grow|flex-wrap|font-size|grid-cell|",
            r"grid-flow|grid-rows|max-width|min-width|nav-index|nav-right|ruby-span|text-wrap|transform|",
            r"word-wrap|box-flex|box-pack|grid-row|ime-mode|nav-down|nav-left|overflow|phonemes|position|",
            r"richness|rotation|speak-as|tab-size|azimuth|binding|columns|content|display|hyphens|",
            r"move-to|opacity|orphans|outline|padding|z-index|border|bottom|cursor|filter|height|margin|",
            r"nav-up|quotes|resize|stress|target|volume|widows|bleed|clear|color|float|marks|order|pause|",
            r"pitch|right|speak|width|clip|crop|flex|font|icon|left|mark|mask|page|rest|size|all|cue|fit|",
            r"src|top"
        )
    };
}

macro_rules! builtins {
    () => {
        concat!(
            r"decimal-leading-zero|table-column-group|table-footer-group|table-header-group|",
            r"cjk-ideographic|extra-condensed|table-row-group|ultra-condensed|extra-expanded|",
            r"hiragana-iroha|katakana-iroha|no-close-quote|semi-condensed|ultra-expanded|bidi-override|",
            r"no-open-quote|semi-expanded|small-caption|table-caption|center-right|inline-table|",
            r"line-through|table-column|center-left|close-quote|lower-alpha|lower-greek|lower-roman|",
            r"message-box|text-bottom|transparent|upper-alpha|upper-latin|upper-roman|capitalize|",
            r"continuous|open-quote|right-side|rightwards|sans-serif|small-caps|status-bar|table-cell|",
            r"condensed|crosshair|far-right|landscape|left-side|leftwards|list-item|lowercase|monospace|",
            r"ne-resize|no-repeat|nw-resize|se-resize|spell-out|sw-resize|table-row|underline|uppercase|",
            r"absolute|armenian|baseline|collapse|e-resize|expanded|far-left|georgian|hiragana|katakana|",
            r"n-resize|narrower|overline|portrait|relative|repeat-x|repeat-y|s-resize|separate|text-top|",
            r"w-resize|xx-large|xx-small|cursive|decimal|default|fantasy|inherit|justify|lighter|oblique|",
            r"outside|pointer|smaller|visible|x-large|x-small|always|behind|bolder|bottom|center|circle|",
            r"dashed|digits|dotted|double|faster|groove|hebrew|hidden|higher|inline|inside|invert|italic|",
            r"larger|medium|middle|normal|nowrap|outset|repeat|scroll|silent|slower|square|static|x-fast|",
            r"x-high|x-loud|x-soft|above|aural|avoid|below|blink|block|cross|embed|fixed|inset|large|",
            r"level|lower|ridge|right|serif|solid|super|thick|wider|x-low|auto|bold|both|crop|disc|fast|",
            r"help|hide|high|icon|left|loud|none|once|show|slow|soft|text|thin|wait|low|ltr|mix|rgb|top|",
            r"url|yes|px"
        )
    };
}

macro_rules! constants {
    () => {
        concat!(
            r"lightgoldenrodyellow|mediumspringgreen|mediumaquamarine|mediumslateblue|mediumturquoise|",
            r"mediumvioletred|blanchedalmond|cornflowerblue|darkolivegreen|lightslategray|lightsteelblue|",
            r"mediumseagreen|darkgoldenrod|darkslateblue|darkslategray|darkturquoise|lavenderblush|",
            r"lightseagreen|palegoldenrod|paleturquoise|palevioletred|antiquewhite|darkseagreen|",
            r"lemonchiffon|lightskyblue|mediumorchid|mediumpurple|midnightblue|darkmagenta|deepskyblue|",
            r"floralwhite|forestgreen|greenyellow|lightsalmon|lightyellow|navajowhite|saddlebrown|",
            r"springgreen|yellowgreen|aquamarine|blueviolet|chartreuse|darkorange|darkorchid|darksalmon|",
            r"darkviolet|dodgerblue|ghostwhite|lightcoral|lightgreen|mediumblue|papayawhip|powderblue|",
            r"sandybrown|whitesmoke|aliceblue|burlywood|cadetblue|chocolate|darkgreen|darkkhaki|",
            r"firebrick|gainsboro|goldenrod|indianred|lawngreen|lightblue|lightcyan|lightgrey|lightpink|",
            r"limegreen|mintcream|mistyrose|olivedrab|orangered|palegreen|peachpuff|rosybrown|royalblue|",
            r"slateblue|slategray|steelblue|turquoise|cornsilk|darkblue|darkcyan|darkgray|deeppink|",
            r"honeydew|lavender|moccasin|seagreen|seashell|crimson|darkred|dimgray|fuchsia|hotpink|",
            r"magenta|oldlace|skyblue|thistle|bisque|indigo|maroon|orange|orchid|purple|salmon|sienna|",
            r"silver|tomato|violet|yellow|azure|beige|black|brown|coral|green|ivory|khaki|linen|olive|",
            r"wheat|white|aqua|blue|cyan|gold|gray|lime|navy|peru|pink|plum|snow|teal|red|tan"
        )
    };
}

macro_rules! vendor_prefixes {
    () => {
        concat!(
            r"-webkit-|-khtml-|prince-|-atsc-|-moz-|-rim-|-wap-|-ah-|-hp-|-ms-|-ro-|-tc-|-xv-|mso-|-o-"
        )
    };
}

#[rustfmt::skip]
const CSS: Grammar = &[
    ("root", &[
        Mixin("basics"),
        Rule(r"\{", One("p"), Push("stanza")),
        Rule(concat!(r":[:]?", identifier!()), One("nd"), Stay),
        Rule(concat!(r"\.", identifier!()), One("nc"), Stay),
        Rule(concat!(r"#", identifier!()), One("nf"), Stay),
        Rule(concat!(r"@", identifier!()), One("k"), Push("at_rule")),
        Rule(identifier!(), One("nt"), Stay),
        Rule(r"[~^*!%&\[\]()<>|+=@:;,./?-]", One("o"), Stay),
        Rule(r#""(?:\\\\|\\"|[^"])*""#, One("s1"), Stay),
        Rule(r"'(?:\\\\|\\'|[^'])*'", One("s2"), Stay),
    ]),
    ("value", &[
        Mixin("basics"),
        Rule(r"url\((?:(?!\n).)*?\)", One("sx"), Stay),
        Rule(r"(?i)#[0-9a-f]{1,6}", One("m"), Stay),
        Rule(concat!(number!(), r"(?:%|(?:em|px|pt|pc|in|mm|cm|ex|rem|ch|vw|vh|vmin|vmax|dpi|dpcm|dppx|deg|grad|rad|turn|s|ms|Hz|kHz)\b)?"), One("m"), Stay),
        Rule(r"[\[\]():/.,]", One("p"), Stay),
        Rule(r#""(?:\\\\|\\"|[^"])*""#, One("s1"), Stay),
        Rule(r"'(?:\\\\|\\'|[^'])*'", One("s2"), Stay),
        Rule(concat!("(?=", identifier!(), ")(?:", constants!(), ")", ident_end!()), One("no"), Stay),
        Rule(concat!("(?=", identifier!(), ")(?:", builtins!(), ")", ident_end!()), One("nb"), Stay),
        Rule(identifier!(), One("n"), Stay),
    ]),
    ("at_rule", &[
        Rule(concat!(r"\{(?=\s*", identifier!(), r"\s*:)"), One("p"), Push("at_stanza")),
        Rule(r"\{", One("p"), Push("at_body")),
        Rule(r";", One("p"), Pop(1)),
        Mixin("value"),
    ]),
    ("at_body", &[
        Mixin("at_content"),
        Mixin("root"),
    ]),
    ("at_stanza", &[
        Mixin("at_content"),
        Mixin("stanza"),
    ]),
    ("at_content", &[
        Rule(r"\}", One("p"), Pop(2)),
    ]),
    ("basics", &[
        Rule(r"\s+", One(""), Stay),
        Rule(r"(?s)/\*.*?\*/", One("c"), Stay),
    ]),
    ("stanza", &[
        Mixin("basics"),
        Rule(r"\}", One("p"), Pop(1)),
        Rule(concat!("((?:", attributes!(), ")", ident_end!(), r")(\s*)(:)"), Groups(&["nl", "", "p"]), Push("stanza_value")),
        Rule(concat!("((?:", vendor_prefixes!(), r")[\w\p{Cf}-]*)(\s*)(:)"), Groups(&["nl", "", "p"]), Push("stanza_value")),
        Rule(concat!("(", identifier!(), r")(\s*)(:)"), Groups(&["py", "", "p"]), Push("stanza_value")),
    ]),
    ("stanza_value", &[
        Rule(r";", One("p"), Pop(1)),
        Rule(r"(?=\})", One(""), Pop(1)),
        Rule(r"!\s*important\b", One("cp"), Stay),
        Rule(r"^@.*?$", One("cp"), Stay),
        Mixin("value"),
    ]),
];

#[cfg(test)]
mod tests {
    #[test]
    fn compiles() {
        assert!(super::css().is_some());
    }
}
