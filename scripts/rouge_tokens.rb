#!/usr/bin/env ruby
# frozen_string_literal: true
#
# Prints the tokens real Rouge (Debian's ruby-rouge, the highlighter Jekyll uses through
# kramdown) gives for code samples, so Lanyard's highlighter can be compared with it.
#
# Reads a JSON array of {"lang": ..., "code": ...} on stdin and writes a JSON array with,
# for each sample, an array of [class, text] pairs: rouge's short class name (`k`, `s2`, ``
# for plain text) and the text, consecutive tokens of one class merged, as rouge's HTML
# formatter writes them. A language rouge does not know gives null.
require "json"
require "rouge"

samples = JSON.parse($stdin.read)
out = samples.map do |sample|
  lexer = Rouge::Lexer.find_fancy(sample["lang"], sample["code"])
  next nil unless lexer

  tokens = []
  lexer.lex(sample["code"]).each do |tok, val|
    next if val.empty?

    cls = tok.shortname.to_s
    if tokens.last && tokens.last[0] == cls
      tokens.last[1] += val
    else
      tokens << [cls, val.dup]
    end
  end
  tokens
end
puts JSON.generate(out)
