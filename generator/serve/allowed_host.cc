#include "serve/allowed_host.h"

#include <arpa/inet.h>

#include <string>

namespace congkhai {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool all_digits(std::string_view s) {
  if (s.empty() || s.size() > 5) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

bool is_ipv4(const std::string& s) {
  in_addr a;
  return inet_pton(AF_INET, s.c_str(), &a) == 1;
}

bool is_ipv6(const std::string& s) {
  in6_addr a;
  return inet_pton(AF_INET6, s.c_str(), &a) == 1;
}

// The host part of a Host header: "[::1]:8080" → "[::1]", "a.b:80" → "a.b"; empty when the
// header is malformed.
std::string_view host_part(std::string_view h) {
  if (!h.empty() && h.front() == '[') {
    std::size_t close = h.find(']');
    if (close == std::string_view::npos) return {};
    std::string_view rest = h.substr(close + 1);
    if (!rest.empty() && (rest.front() != ':' || !all_digits(rest.substr(1)))) return {};
    return h.substr(0, close + 1);
  }
  std::size_t colon = h.find(':');
  if (colon == std::string_view::npos) return h;
  if (!all_digits(h.substr(colon + 1))) return {};
  return h.substr(0, colon);
}

std::string normal_name(std::string_view name) {
  std::string n = lower(name);
  if (!n.empty() && n.back() == '.') n.pop_back();
  return n;
}

}  // namespace

bool is_allowed_host(std::string_view host_header, std::string_view listen_host) {
  std::string_view host = host_part(host_header);
  if (host.empty()) return false;
  for (char c : host)
    if (static_cast<unsigned char>(c) <= ' ' || c == '/' || c == '\\' || c == '@') return false;
  if (host.front() == '[') return host.back() == ']' && is_ipv6(std::string(host.substr(1, host.size() - 2)));
  std::string name = normal_name(host);
  if (name.empty()) return false;
  if (is_ipv4(name)) return true;
  if (name == "localhost") return true;
  const std::string_view suffix = ".localhost";
  if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
    return true;
  std::string listen = normal_name(listen_host);
  if (!listen.empty() && listen.front() == '[' && listen.back() == ']') listen = listen.substr(1, listen.size() - 2);
  return !listen.empty() && name == listen;
}

}  // namespace congkhai
