// Every handler of the route table (api/routes.cpp). Each turns a request
// into a response and never touches the socket.
#pragma once

#include "api/router.hpp"

namespace koers::api {

http::Response ListInnovaties(Services&, const http::Request&, const Params&);
http::Response GetInnovatie(Services&, const http::Request&, const Params&);
http::Response CreateInnovatie(Services&, const http::Request&, const Params&);
http::Response ReplaceInnovatie(Services&, const http::Request&, const Params&);
http::Response PatchInnovatie(Services&, const http::Request&, const Params&);
http::Response DeleteInnovatie(Services&, const http::Request&, const Params&);

http::Response ListOrganisaties(Services&, const http::Request&, const Params&);
http::Response GetOrganisatie(Services&, const http::Request&, const Params&);

http::Response GetWaardelijsten(Services&, const http::Request&, const Params&);
http::Response GetStatistieken(Services&, const http::Request&, const Params&);
http::Response GetOpenApi(Services&, const http::Request&, const Params&);

}  // namespace koers::api
