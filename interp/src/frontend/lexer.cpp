// lexer.cpp — see lexer.hpp. Error messages are CPython 3.11's, word for word,
// because golden tests compare them.
#include <gillab/interp/lexer.hpp>
#include <gillab/interp/utf8.hpp>

#include <algorithm>
#include <array>
#include <cstdio>

namespace gillab::interp {
namespace {

constexpr int max_bracket_depth = 200;  // CPython's MAXLEVEL
constexpr int max_indent_depth = 100;   // CPython's MAXINDENT

bool is_ascii_id_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }

using utf8::append;
using utf8::decode;

// Non-ASCII identifier characters. CPython uses Unicode's XID_Start and
// XID_Continue; without the tables, accept the letter blocks programs use
// (Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, CJK, kana, Hangul) and
// reject the rest with CPython's "invalid character" error.
bool is_unicode_id_char(char32_t cp) {
  if (cp == 0xD7 || cp == 0xF7) return false;  // multiplication and division signs
  return (cp >= 0xAA && cp <= 0xAA) || (cp == 0xB5) || (cp == 0xBA) ||
         (cp >= 0xC0 && cp <= 0x2AF) || (cp >= 0x370 && cp <= 0x3FF && cp != 0x37E && cp != 0x387) ||
         (cp >= 0x400 && cp <= 0x52F) || (cp >= 0x531 && cp <= 0x587) ||
         (cp >= 0x5D0 && cp <= 0x5EA) || (cp >= 0x620 && cp <= 0x64A) ||
         (cp >= 0x1E00 && cp <= 0x1FFF) || (cp >= 0x3040 && cp <= 0x30FF) ||
         (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
         (cp >= 0xAC00 && cp <= 0xD7A3);
}

bool is_printable(char32_t cp) {
  return !(cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0));
}

std::string decode_escapes_at(std::string_view body, bool bytes, int line, int column) {
  std::string out;
  out.reserve(body.size());
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] != '\\' || i + 1 >= body.size()) {
      out += body[i];
      continue;
    }
    const char e = body[++i];
    switch (e) {
      case '\n': break;
      case '\\': out += '\\'; break;
      case '\'': out += '\''; break;
      case '"': out += '"'; break;
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        unsigned v = static_cast<unsigned>(e - '0');
        for (int k = 0; k < 2 && i + 1 < body.size() && body[i + 1] >= '0' && body[i + 1] <= '7'; ++k)
          v = v * 8 + static_cast<unsigned>(body[++i] - '0');
        if (bytes) {
          out += static_cast<char>(v & 0xFF);
        } else {
          append(out, v);
        }
        break;
      }
      case 'x': case 'u': case 'U': {
        if (bytes && e != 'x') {
          out += '\\';
          out += e;
          break;
        }
        const int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        char32_t v = 0;
        for (int k = 0; k < digits; ++k) {
          const char h = i + 1 < body.size() ? body[i + 1] : '\0';
          int d = is_digit(h) ? h - '0' : ((h | 0x20) >= 'a' && (h | 0x20) <= 'f') ? (h | 0x20) - 'a' + 10 : -1;
          if (d < 0) {
            char buf[96];
            std::snprintf(buf, sizeof buf, "(%s error) truncated \\%sXX%s escape",
                          bytes ? "value" : "unicode", e == 'x' ? "x" : e == 'u' ? "u" : "U",
                          e == 'x' ? "" : e == 'u' ? "XX" : "XXXXXX");
            // CPython: "(unicode error) 'unicodeescape' codec can't decode bytes ..." — the
            // position details differ; the class and the gist match.
            throw syntax_error(syntax_error::kind::syntax, buf, line, column);
          }
          v = v * 16 + static_cast<char32_t>(d);
          ++i;
        }
        if (bytes) {
          out += static_cast<char>(v);
        } else {
          if (v > 0x10FFFF) {
            throw syntax_error(syntax_error::kind::syntax,
                               "(unicode error) 'unicodeescape' codec can't decode bytes: illegal Unicode character",
                               line, column);
          }
          append(out, v);
        }
        break;
      }
      case 'N':
        throw syntax_error(syntax_error::kind::not_implemented,
                           "\\N{...} escapes are not supported by gillab", line, column);
      default:  // unknown escapes stay as written (CPython warns, 3.12 louder)
        out += '\\';
        out += e;
    }
  }
  return out;
}


const std::array<std::string_view, 48> operators = {
    "**=", "//=", ">>=", "<<=", "...", "->", ":=", "!=", "==", "<=", ">=", "**", "//", "<<",
    ">>", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "+", "-", "*", "/",
    "%", "@", "&", "|", "^", "~", "<", ">", "(", ")", "[", "]", "{", "}",
    ",", ":", ".", ";", "=", "!"};

class lexer {
 public:
  explicit lexer(std::string_view src) : src_(src) {}

  std::vector<token> run() {
    while (pos_ < src_.size() || !line_done_) {
      if (pos_ >= src_.size()) break;
      if (at_line_start_) {
        if (!indentation()) continue;  // blank or comment-only line
      }
      scan_token();
    }
    finish();
    return std::move(out_);
  }

 private:
  [[noreturn]] void fail(const std::string& msg, int line, std::size_t byte_pos,
                         syntax_error::kind k = syntax_error::kind::syntax) {
    throw syntax_error(k, msg, line, column_of(line, byte_pos));
  }
  [[noreturn]] void fail_here(const std::string& msg, syntax_error::kind k = syntax_error::kind::syntax) {
    fail(msg, line_, pos_, k);
  }

  int column_of(int line, std::size_t byte_pos) const {
    if (line == line_ && byte_pos >= line_start_) {  // the common case, without a rescan
      return utf8_columns(src_.substr(line_start_), byte_pos - line_start_) + 1;
    }
    const std::string_view text = source_line(src_, line);
    const std::size_t start = static_cast<std::size_t>(text.data() - src_.data());
    const std::size_t offset = byte_pos >= start ? byte_pos - start : 0;
    return utf8_columns(text, std::min(offset, text.size())) + 1 +
           (offset > text.size() ? static_cast<int>(offset - text.size()) : 0);
  }

  char peek(std::size_t k = 0) const {
    return pos_ + k < src_.size() ? src_[pos_ + k] : '\0';
  }

  void push(tok kind, std::string text, std::size_t start, int start_line) {
    token t;
    t.kind = kind;
    t.text = std::move(text);
    t.line = start_line;
    t.column = column_of(start_line, start);
    t.end_line = line_;
    t.end_column = column_of(line_, pos_);
    out_.push_back(std::move(t));
    line_done_ = false;
  }

  void newline_seen() {
    ++pos_;
    ++line_;
    line_start_ = pos_;
  }

  // Handles indentation at the start of a logical line. Returns false when
  // the line is blank or only a comment (no tokens, no INDENT/DEDENT).
  bool indentation() {
    int col = 0;
    int alt = 0;  // tabs as one column: CPython's check for inconsistent tabs
    std::size_t p = pos_;
    while (p < src_.size()) {
      const char c = src_[p];
      if (c == ' ') {
        ++col;
        ++alt;
      } else if (c == '\t') {
        col = (col / 8 + 1) * 8;
        ++alt;
      } else if (c == '\f') {
        col = alt = 0;
      } else {
        break;
      }
      ++p;
    }
    pos_ = p;
    const char c = peek();
    if (c == '#' || c == '\n' || c == '\r' || c == '\0' || (c == '\\' && peek(1) == '\n')) {
      if (c == '#') skip_comment();
      if (peek() == '\r') ++pos_;
      if (peek() == '\n') newline_seen();
      else if (c == '\\') {
        pos_ += 1;
        newline_seen();
      }
      return false;
    }
    at_line_start_ = false;
    auto tab_error = [&] {
      const std::string_view text = source_line(src_, line_);
      throw syntax_error(syntax_error::kind::tab, "inconsistent use of tabs and spaces in indentation", line_,
                         utf8_columns(text, text.size()) + 1);
    };
    if (col == indents_.back()) {
      if (alt != alt_indents_.back()) tab_error();
    } else if (col > indents_.back()) {
      if (alt <= alt_indents_.back()) tab_error();
      if (indents_.size() >= max_indent_depth) fail_here("too many levels of indentation", syntax_error::kind::indentation);
      indents_.push_back(col);
      alt_indents_.push_back(alt);
      push(tok::indent, "", pos_, line_);
    } else {
      while (col < indents_.back()) {
        indents_.pop_back();
        alt_indents_.pop_back();
        push(tok::dedent, "", pos_, line_);
      }
      if (col == indents_.back() && alt != alt_indents_.back()) tab_error();
      if (col != indents_.back()) {
        const std::string_view text = source_line(src_, line_);
        throw syntax_error(syntax_error::kind::indentation,
                           "unindent does not match any outer indentation level", line_,
                           utf8_columns(text, text.size()) + 1);
      }
    }
    return true;
  }

  void skip_comment() {
    while (pos_ < src_.size() && src_[pos_] != '\n') ++pos_;
  }

  void scan_token() {
    const char c = peek();
    if (c == ' ' || c == '\t' || c == '\f' || c == '\r') {
      ++pos_;
      return;
    }
    if (c == '#') {
      skip_comment();
      return;
    }
    if (c == '\n') {
      if (brackets_.empty()) {
        push(tok::newline, "", pos_, line_);
        at_line_start_ = true;
        line_done_ = true;
      }
      newline_seen();
      return;
    }
    if (c == '\\') {
      std::size_t p = pos_ + 1;
      if (p < src_.size() && src_[p] == '\r') ++p;
      if (p < src_.size() && src_[p] == '\n') {
        pos_ = p;
        newline_seen();
        if (pos_ >= src_.size()) fail("unexpected EOF while parsing", line_ - 1, pos_);
        return;
      }
      fail_here("unexpected character after line continuation character");
    }
    if (is_ascii_id_start(c) || static_cast<unsigned char>(c) >= 0x80) {
      scan_name_or_prefixed_string();
      return;
    }
    if (is_digit(c) || (c == '.' && is_digit(peek(1)))) {
      scan_number();
      return;
    }
    if (c == '"' || c == '\'') {
      scan_string(pos_, "");
      return;
    }
    scan_operator();
  }

  void scan_name_or_prefixed_string() {
    const std::size_t start = pos_;
    while (pos_ < src_.size()) {
      const char c = src_[pos_];
      if (is_ascii_id_start(c) || is_digit(c)) {
        ++pos_;
      } else if (static_cast<unsigned char>(c) >= 0x80) {
        std::size_t p = pos_;
        const char32_t cp = decode(src_, p);
        if (!is_unicode_id_char(cp)) {
          {
            char buf[64];
            if (is_printable(cp)) {
              std::string ch;
              append(ch, cp);
              std::snprintf(buf, sizeof buf, "invalid character '%s' (U+%04X)", ch.c_str(),
                            static_cast<unsigned>(cp));
            } else {
              std::snprintf(buf, sizeof buf, "invalid non-printable character U+%04X",
                            static_cast<unsigned>(cp));
            }
            fail_here(buf);
          }
        }
        pos_ = p;
      } else {
        break;
      }
    }
    const std::string_view word = src_.substr(start, pos_ - start);
    if ((peek() == '"' || peek() == '\'') && word.size() <= 2) {
      std::string lower;
      for (char ch : word) lower += static_cast<char>(ch | 0x20);
      static constexpr std::array<std::string_view, 8> prefixes = {"r", "u", "b", "br", "rb", "f", "fr", "rf"};
      if (std::find(prefixes.begin(), prefixes.end(), lower) != prefixes.end()) {
        scan_string(start, lower);
        return;
      }
    }
    push(tok::name, std::string(word), start, line_);
  }

  void scan_digits(bool (*valid)(char), const char* kind_name) {
    // Digits with single underscores between them.
    for (;;) {
      while (valid(peek())) ++pos_;
      if (peek() != '_') return;
      ++pos_;
      if (!valid(peek())) fail_here(std::string("invalid ") + kind_name + " literal");
    }
  }

  void scan_number() {
    const std::size_t start = pos_;
    const int start_line = line_;
    bool is_float = false;
    auto dec = +[](char ch) { return is_digit(ch); };
    if (peek() == '0' && (peek(1) == 'x' || peek(1) == 'X' || peek(1) == 'o' || peek(1) == 'O' ||
                          peek(1) == 'b' || peek(1) == 'B')) {
      const char base = static_cast<char>(peek(1) | 0x20);
      pos_ += 2;
      if (peek() == '_') ++pos_;
      bool (*valid)(char) = base == 'x'   ? +[](char ch) { return is_digit(ch) || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'f'); }
                            : base == 'o' ? +[](char ch) { return ch >= '0' && ch <= '7'; }
                                          : +[](char ch) { return ch == '0' || ch == '1'; };
      const char* name = base == 'x' ? "hexadecimal" : base == 'o' ? "octal" : "binary";
      if (!valid(peek())) {
        if (is_digit(peek())) fail_here(std::string("invalid digit '") + peek() + "' in " + name + " literal");
        fail_here(std::string("invalid ") + name + " literal");
      }
      scan_digits(valid, name);
      if (is_digit(peek())) fail_here(std::string("invalid digit '") + peek() + "' in " + name + " literal");
    } else {
      if (peek() != '.') scan_digits(dec, "decimal");
      if (peek() == '.') {
        is_float = true;
        ++pos_;
        if (is_digit(peek())) scan_digits(dec, "decimal");
      }
      if (peek() == 'e' || peek() == 'E') {
        const std::size_t save = pos_;
        ++pos_;
        if (peek() == '+' || peek() == '-') ++pos_;
        if (is_digit(peek())) {
          is_float = true;
          scan_digits(dec, "decimal");
        } else {
          pos_ = save;
          fail_here("invalid decimal literal");
        }
      }
      if (peek() == 'j' || peek() == 'J') {
        throw syntax_error(syntax_error::kind::not_implemented,
                           "complex literals are not supported by gillab", line_,
                           column_of(line_, start));
      }
      if (!is_float) {
        // "0" followed by more digits is only allowed if they are all zeros.
        const std::string_view text = src_.substr(start, pos_ - start);
        if (text.size() > 1 && text[0] == '0' &&
            text.find_first_not_of("0_") != std::string_view::npos) {
          fail("leading zeros in decimal integer literals are not permitted; use an 0o prefix for "
               "octal integers",
               start_line, start);
        }
      }
    }
    if (is_ascii_id_start(peek())) fail_here("invalid decimal literal");
    push(tok::number, std::string(src_.substr(start, pos_ - start)), start, start_line);
  }

  // Reads a string literal whose prefix (lower-cased, may be empty) started at
  // `start`; pos_ is at the opening quote.
  void scan_string(std::size_t start, const std::string& prefix) {
    const int start_line = line_;
    const std::size_t start_line_start = line_start_;
    const bool raw = prefix.find('r') != std::string::npos;
    const bool bytes = prefix.find('b') != std::string::npos;
    const bool fstring = prefix.find('f') != std::string::npos;
    const char quote = peek();
    const bool triple = peek(1) == quote && peek(2) == quote;
    const std::size_t quote_pos = pos_;
    pos_ += triple ? 3 : 1;
    std::string body;  // raw body between the quotes
    for (;;) {
      if (pos_ >= src_.size()) {
        line_start_ = start_line_start;
        // CPython reports the last line that has text: a final newline does
        // not start a line of its own.
        const int detected = (!src_.empty() && src_.back() == '\n') ? line_ - 1 : line_;
        if (triple) {
          throw syntax_error(syntax_error::kind::syntax,
                             "unterminated triple-quoted string literal (detected at line " +
                                 std::to_string(detected) + ")",
                             start_line, column_of(start_line, start));
        }
        throw syntax_error(syntax_error::kind::syntax,
                           "unterminated string literal (detected at line " + std::to_string(detected) + ")",
                           start_line, column_of(start_line, start));
      }
      const char c = src_[pos_];
      if (c == quote && (!triple || (peek(1) == quote && peek(2) == quote))) {
        pos_ += triple ? 3 : 1;
        break;
      }
      if (c == '\\' && pos_ + 1 < src_.size()) {
        body += c;
        body += src_[pos_ + 1];
        if (src_[pos_ + 1] == '\n') {
          pos_ += 1;
          newline_seen();
        } else {
          pos_ += 2;
        }
        continue;
      }
      if (c == '\n') {
        if (!triple) {
          throw syntax_error(syntax_error::kind::syntax,
                             "unterminated string literal (detected at line " + std::to_string(line_) + ")",
                             start_line, column_of(start_line, start));
        }
        body += c;
        newline_seen();
        continue;
      }
      if (bytes && static_cast<unsigned char>(c) >= 0x80) {
        throw syntax_error(syntax_error::kind::syntax, "bytes can only contain ASCII literal characters",
                           start_line, column_of(start_line, start));
      }
      body += c;
      ++pos_;
    }
    (void)quote_pos;
    token t;
    t.kind = tok::string;
    t.line = start_line;
    t.column = column_of(start_line, start);
    t.end_line = line_;
    t.end_column = column_of(line_, pos_);
    t.is_bytes = bytes;
    t.is_raw = raw;
    t.is_fstring = fstring;
    t.text = (raw || fstring) ? body : decode_escapes(body, bytes, start_line, start);
    out_.push_back(std::move(t));
    line_done_ = false;
  }

  std::string decode_escapes(const std::string& body, bool bytes, int line, std::size_t start) {
    return decode_escapes_at(body, bytes, line, column_of(line, start));
  }

  void scan_operator() {
    const std::size_t start = pos_;
    for (std::string_view op : operators) {
      if (src_.substr(pos_, op.size()) == op) {
        if (op == "!") break;  // only "!=" is an operator outside f-strings
        pos_ += op.size();
        const char c = op[0];
        if (op.size() == 1 && (c == '(' || c == '[' || c == '{')) {
          if (brackets_.size() >= max_bracket_depth) fail("too many nested parentheses", line_, start);
          brackets_.push_back({c, line_, start});
        } else if (op.size() == 1 && (c == ')' || c == ']' || c == '}')) {
          if (brackets_.empty()) fail(std::string("unmatched '") + c + "'", line_, start);
          const auto open = brackets_.back();
          const char want = open.ch == '(' ? ')' : open.ch == '[' ? ']' : '}';
          if (c != want) {
            std::string msg = std::string("closing parenthesis '") + c +
                              "' does not match opening parenthesis '" + open.ch + "'";
            if (open.line != line_) msg += " on line " + std::to_string(open.line);
            fail(msg, line_, start);
          }
          brackets_.pop_back();
        }
        push(tok::op, std::string(op), start, line_);
        return;
      }
    }
    std::size_t p = pos_;
    const char32_t cp = decode(src_, p);
    if (cp >= 0x80 || cp == '$' || cp == '?' || cp == '`' || cp == '!' || !is_printable(cp)) {
      if (cp == '$' || cp == '?' || cp == '`' || cp == '!') fail_here("invalid syntax");
      char buf[64];
      if (is_printable(cp)) {
        std::string ch;
        append(ch, cp);
        std::snprintf(buf, sizeof buf, "invalid character '%s' (U+%04X)", ch.c_str(), static_cast<unsigned>(cp));
      } else {
        std::snprintf(buf, sizeof buf, "invalid non-printable character U+%04X", static_cast<unsigned>(cp));
      }
      fail_here(buf);
    }
    fail_here("invalid syntax");
  }

  void finish() {
    if (!brackets_.empty()) {
      const auto open = brackets_.back();
      fail(std::string("'") + open.ch + "' was never closed", open.line, open.pos);
    }
    if (!out_.empty() && out_.back().kind != tok::newline && out_.back().kind != tok::dedent &&
        out_.back().kind != tok::indent) {
      push(tok::newline, "", pos_, line_);
    }
    while (indents_.size() > 1) {
      indents_.pop_back();
      alt_indents_.pop_back();
      push(tok::dedent, "", pos_, line_);
    }
    push(tok::end, "", pos_, line_);
  }

  struct bracket {
    char ch;
    int line;
    std::size_t pos;
  };

  std::string_view src_;
  std::size_t pos_ = 0;
  int line_ = 1;
  std::size_t line_start_ = 0;
  bool at_line_start_ = true;
  bool line_done_ = true;
  std::vector<int> indents_{0};
  std::vector<int> alt_indents_{0};
  std::vector<bracket> brackets_;
  std::vector<token> out_;
};

}  // namespace

std::vector<token> tokenize(std::string_view source) { return lexer(source).run(); }

std::string decode_escapes(std::string_view body, bool bytes, int line, int column) {
  return decode_escapes_at(body, bytes, line, column);
}

std::string_view source_line(std::string_view source, int line) {
  std::size_t start = 0;
  for (int l = 1; l < line; ++l) {
    const std::size_t nl = source.find('\n', start);
    if (nl == std::string_view::npos) return {};
    start = nl + 1;
  }
  std::size_t end = source.find('\n', start);
  if (end == std::string_view::npos) end = source.size();
  if (end > start && source[end - 1] == '\r') --end;
  return source.substr(start, end - start);
}

int utf8_columns(std::string_view s, std::size_t bytes) {
  int n = 0;
  for (std::size_t i = 0; i < bytes && i < s.size(); ++i)
    n += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
  return n;
}

}  // namespace gillab::interp
