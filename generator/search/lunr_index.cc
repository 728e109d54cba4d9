#include "search/lunr_index.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

#include "search/vi_terms.h"

namespace congkhai {
namespace {

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;
constexpr const char* kLunrVersion = "2.3.9";

// A character of lunr.tokenizer.separator, /[\s\-]+/: JavaScript's \s, and "-".
bool is_separator(char32_t c) {
  switch (c) {
    case '\t': case '\n': case '\v': case '\f': case '\r': case ' ': case '-':
    case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F:
    case 0x3000: case 0xFEFF:
      return true;
    default:
      return c >= 0x2000 && c <= 0x200A;
  }
}

// Length of the UTF-8 sequence starting with `b` (1 for stray bytes).
std::size_t sequence_length(unsigned char b) {
  if (b >= 0xF0 && b <= 0xF4) return 4;
  if (b >= 0xE0 && b <= 0xEF) return 3;
  if (b >= 0xC2 && b <= 0xDF) return 2;
  return 1;
}

char32_t decode_at(std::string_view s, std::size_t i, std::size_t* len) {
  auto b = static_cast<unsigned char>(s[i]);
  std::size_t n = sequence_length(b);
  if (i + n > s.size()) n = 1;
  *len = n;
  if (n == 1) return b < 0x80 ? b : 0xFFFD;
  char32_t c = b & (0x7F >> n);
  for (std::size_t k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return c;
}

// UTF-16 code units, for JavaScript's default string order.
std::u16string utf16(std::string_view s) {
  std::u16string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n;
    char32_t c = decode_at(s, i, &n);
    i += n;
    if (c >= 0x10000) {
      c -= 0x10000;
      out.push_back(static_cast<char16_t>(0xD800 + (c >> 10)));
      out.push_back(static_cast<char16_t>(0xDC00 + (c & 0x3FF)));
    } else {
      out.push_back(static_cast<char16_t>(c));
    }
  }
  return out;
}

// Whether JavaScript treats the property key as an array index, which objects list first,
// in numeric order, before the other keys in insertion order.
bool is_array_index(std::string_view key) {
  if (key.empty() || key.size() > 10) return false;
  if (key.size() > 1 && key[0] == '0') return false;
  unsigned long long v = 0;
  for (char c : key) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<unsigned long long>(c - '0');
  }
  return v < 4294967295ULL;
}

// Positions of `keys` (given in insertion order) in the order Object.keys lists them.
std::vector<std::size_t> js_key_order(const std::vector<std::string_view>& keys) {
  std::vector<std::size_t> order(keys.size());
  std::iota(order.begin(), order.end(), 0);
  bool any_index = std::any_of(keys.begin(), keys.end(), is_array_index);
  if (!any_index) return order;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    bool ia = is_array_index(keys[a]), ib = is_array_index(keys[b]);
    if (ia != ib) return ia;
    if (!ia) return false;
    return std::stoull(std::string(keys[a])) < std::stoull(std::string(keys[b]));
  });
  return order;
}

void append_hex4(std::string* out, unsigned v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\u%04x", v);
  out->append(buf);
}

void write_string(std::string* out, std::string_view s) {
  out->push_back('"');
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default:
        if (c < 0x20) {
          append_hex4(out, c);
        } else {
          out->push_back(ch);
        }
    }
  }
  out->push_back('"');
}

void write_json(std::string* out, const LunrJson& v) {
  switch (v.type()) {
    case LunrJson::value_t::null:
    case LunrJson::value_t::discarded:
      out->append("null");
      break;
    case LunrJson::value_t::boolean:
      out->append(v.get<bool>() ? "true" : "false");
      break;
    case LunrJson::value_t::number_integer:
      out->append(std::to_string(v.get<long long>()));
      break;
    case LunrJson::value_t::number_unsigned:
      out->append(std::to_string(v.get<unsigned long long>()));
      break;
    case LunrJson::value_t::number_float:
      out->append(js_number(v.get<double>()));
      break;
    case LunrJson::value_t::string:
      write_string(out, v.get_ref<const std::string&>());
      break;
    case LunrJson::value_t::array: {
      out->push_back('[');
      bool first = true;
      for (const auto& item : v) {
        if (!first) out->push_back(',');
        first = false;
        write_json(out, item);
      }
      out->push_back(']');
      break;
    }
    case LunrJson::value_t::object: {
      out->push_back('{');
      bool first = true;
      for (const auto& [key, item] : v.items()) {
        if (!first) out->push_back(',');
        first = false;
        write_string(out, key);
        out->push_back(':');
        write_json(out, item);
      }
      out->push_back('}');
      break;
    }
    case LunrJson::value_t::binary:
      out->append("null");
      break;
  }
}

struct Posting {
  std::size_t index = 0;
  std::vector<std::vector<std::size_t>> docs;  // per field: documents, in insertion order
};

}  // namespace

double js_round(double x) {
  if (!std::isfinite(x)) return x;
  double r = std::floor(x);
  if (x - r >= 0.5) r += 1;
  return r;
}

std::string js_number(double value) {
  if (!std::isfinite(value)) return "null";
  if (value == 0) return "0";
  // Shortest round-trip digits and exponent, then ECMAScript's Number::toString layout.
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
  std::string_view sci(buf, static_cast<std::size_t>(res.ptr - buf));
  std::string out;
  if (sci.front() == '-') {
    out.push_back('-');
    sci.remove_prefix(1);
  }
  std::size_t e_pos = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, e_pos))
    if (c != '.') digits.push_back(c);
  int exponent = std::stoi(std::string(sci.substr(e_pos + 1)));
  int k = static_cast<int>(digits.size());
  int n = exponent + 1;
  if (k <= n && n <= 21) {
    out += digits;
    out.append(static_cast<std::size_t>(n - k), '0');
  } else if (0 < n && n <= 21) {
    out += digits.substr(0, static_cast<std::size_t>(n));
    out.push_back('.');
    out += digits.substr(static_cast<std::size_t>(n));
  } else if (-6 < n && n <= 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-n), '0');
    out += digits;
  } else {
    out.push_back(digits[0]);
    if (k > 1) {
      out.push_back('.');
      out += digits.substr(1);
    }
    out.push_back('e');
    out.push_back(n - 1 < 0 ? '-' : '+');
    out += std::to_string(std::abs(n - 1));
  }
  return out;
}

std::vector<std::string> lunr_tokenize(std::string_view text) {
  std::string lower = js_to_lower(text);
  std::vector<std::string> tokens;
  std::size_t start = 0;
  for (std::size_t i = 0; i < lower.size();) {
    std::size_t n;
    char32_t c = decode_at(lower, i, &n);
    if (is_separator(c)) {
      if (i > start) tokens.push_back(lower.substr(start, i - start));
      start = i + n;
    }
    i += n;
  }
  if (lower.size() > start) tokens.push_back(lower.substr(start));
  return tokens;
}

std::vector<std::string> lunr_field_terms(std::string_view text) {
  std::vector<std::string> terms;
  for (const std::string& token : lunr_tokenize(text))
    for (std::string& term : vi_terms(token)) terms.push_back(std::move(term));
  return terms;
}

LunrJson build_lunr_index(const std::vector<LunrField>& field_list,
                          const std::vector<LunrDocument>& all_documents) {
  // Fields in the order Object.keys(builder._fields) lists them.
  std::vector<std::string_view> names;
  for (const LunrField& f : field_list) names.push_back(f.name);
  const std::vector<std::size_t> fields = js_key_order(names);
  const std::size_t nfields = fields.size();

  std::vector<const LunrDocument*> docs;
  std::unordered_set<std::string_view> seen;
  for (const LunrDocument& d : all_documents)
    if (seen.insert(d.ref).second) docs.push_back(&d);

  std::unordered_map<std::string, std::size_t> term_ids;
  std::vector<std::string> terms;
  std::vector<Posting> postings;
  // Per document and field (in `fields` order): term ids with frequencies, and the length.
  struct FieldTerms {
    std::vector<std::pair<std::size_t, int>> tf;
    std::size_t length = 0;
  };
  std::vector<FieldTerms> field_terms(docs.size() * nfields);
  std::vector<double> total_length(nfields, 0);

  for (std::size_t d = 0; d < docs.size(); ++d) {
    for (std::size_t fi = 0; fi < nfields; ++fi) {
      std::size_t f = fields[fi];
      const std::vector<std::string>& texts = docs[d]->fields;
      std::vector<std::string> field_text_terms =
          f < texts.size() ? lunr_field_terms(texts[f]) : std::vector<std::string>{};
      FieldTerms& ft = field_terms[d * nfields + fi];
      ft.length = field_text_terms.size();
      total_length[fi] += static_cast<double>(ft.length);
      std::unordered_map<std::size_t, std::size_t> slot;  // term id → position in ft.tf
      for (std::string& term : field_text_terms) {
        auto [it, added] = term_ids.try_emplace(term, terms.size());
        if (added) {
          terms.push_back(std::move(term));
          Posting p;
          p.index = it->second;
          p.docs.resize(nfields);
          postings.push_back(std::move(p));
        }
        std::size_t id = it->second;
        auto [s, new_slot] = slot.try_emplace(id, ft.tf.size());
        if (new_slot) ft.tf.emplace_back(id, 0);
        ft.tf[s->second].second += 1;
        std::vector<std::size_t>& posted = postings[id].docs[fi];
        if (posted.empty() || posted.back() != d) posted.push_back(d);
      }
    }
  }

  std::vector<double> average_length(nfields, 0);
  for (std::size_t fi = 0; fi < nfields; ++fi)
    average_length[fi] = total_length[fi] / static_cast<double>(docs.size());

  const double document_count = static_cast<double>(docs.size());
  std::vector<double> idf(terms.size(), -1);
  LunrJson field_vectors = LunrJson::array();
  for (std::size_t d = 0; d < docs.size(); ++d) {
    double doc_boost = docs[d]->boost;
    if (!(doc_boost != 0) || std::isnan(doc_boost)) doc_boost = 1;
    for (std::size_t fi = 0; fi < nfields; ++fi) {
      const LunrField& field = field_list[fields[fi]];
      double field_boost = field.boost;
      if (!(field_boost != 0) || std::isnan(field_boost)) field_boost = 1;
      FieldTerms& ft = field_terms[d * nfields + fi];
      std::sort(ft.tf.begin(), ft.tf.end());
      const double field_length = static_cast<double>(ft.length);
      LunrJson elements = LunrJson::array();
      for (const auto& [id, count] : ft.tf) {
        if (idf[id] < 0) {
          double with_term = 0;
          for (const auto& posted : postings[id].docs) with_term += static_cast<double>(posted.size());
          double x = (document_count - with_term + 0.5) / (with_term + 0.5);
          idf[id] = std::log(1 + std::abs(x));
        }
        const double tf = count;
        // Same operations in the same order as lunr.Builder.prototype.createFieldVectors.
        double score = idf[id] * ((kK1 + 1) * tf) /
                       (kK1 * (1 - kB + kB * (field_length / average_length[fi])) + tf);
        score *= field_boost;
        score *= doc_boost;
        elements.push_back(id);
        elements.push_back(js_round(score * 1000) / 1000);
      }
      field_vectors.push_back(LunrJson::array({field.name + "/" + docs[d]->ref, std::move(elements)}));
    }
  }

  std::vector<std::size_t> by_term(terms.size());
  std::iota(by_term.begin(), by_term.end(), 0);
  {
    std::vector<std::u16string> keys;
    keys.reserve(terms.size());
    for (const std::string& t : terms) keys.push_back(utf16(t));
    std::sort(by_term.begin(), by_term.end(),
              [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
  }

  // Posting keys: "_index", then the fields, in JavaScript's key order.
  std::vector<std::string_view> posting_keys{"_index"};
  for (std::size_t fi = 0; fi < nfields; ++fi) posting_keys.push_back(field_list[fields[fi]].name);
  const std::vector<std::size_t> posting_order = js_key_order(posting_keys);

  LunrJson inverted = LunrJson::array();
  for (std::size_t id : by_term) {
    const Posting& p = postings[id];
    LunrJson posting = LunrJson::object();
    for (std::size_t k : posting_order) {
      if (k == 0) {
        posting["_index"] = p.index;
        continue;
      }
      const std::vector<std::size_t>& posted = p.docs[k - 1];
      std::vector<std::string_view> refs;
      for (std::size_t d : posted) refs.push_back(docs[d]->ref);
      LunrJson by_ref = LunrJson::object();
      for (std::size_t r : js_key_order(refs))
        append_new_key(&by_ref, std::string(refs[r]), LunrJson::object());
      posting[std::string(posting_keys[k])] = std::move(by_ref);
    }
    inverted.push_back(LunrJson::array({terms[id], std::move(posting)}));
  }

  LunrJson field_names = LunrJson::array();
  for (std::size_t f : fields) field_names.push_back(field_list[f].name);

  LunrJson index = LunrJson::object();
  index["version"] = kLunrVersion;
  index["fields"] = std::move(field_names);
  index["fieldVectors"] = std::move(field_vectors);
  index["invertedIndex"] = std::move(inverted);
  index["pipeline"] = LunrJson::array({std::string(kViFoldName)});
  return index;
}

void append_new_key(LunrJson* obj, std::string key, LunrJson value) {
  obj->get_ref<LunrJson::object_t&>().emplace_back(std::move(key), std::move(value));
}

std::string to_js_json(const LunrJson& value) {
  std::string out;
  write_json(&out, value);
  return out;
}

}  // namespace congkhai
