// Which `Host` headers the preview answers. A page on another site can point one of its own
// host names at 127.0.0.1 (DNS rebinding) and then read the preview's drafts as same-origin;
// the browser still sends that host name, so answering only names that are this machine's
// closes the hole, as webpack-dev-server and Vite do.
#pragma once

#include <string_view>

namespace congkhai {

// True when `host_header` (the Host header as sent, with or without a port) names this
// machine: `localhost` or a name under `.localhost`, an IPv4 or bracketed IPv6 literal (a
// rebinding attack needs a name to rebind), or `listen_host`, the name the server was told to
// listen on (--host). Names compare without case and without a final dot. An empty or
// malformed header is refused.
bool is_allowed_host(std::string_view host_header, std::string_view listen_host);

}  // namespace congkhai
