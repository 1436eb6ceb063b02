// The store's organisations and innovations in SQL (areas.hpp), with the
// helpers every area shares.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "store/sql/areas.hpp"
#include "store/sql/query.hpp"
#include "store/sql/statements.hpp"

namespace koers::sql {

namespace st = statements;

std::string Stamp(TimePoint t) { return FormatTimestamp(t); }

std::string JsonArray(const std::vector<std::string>& items) {
  return nlohmann::json(items).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<std::string> FromJsonArray(std::string_view text) {
  std::vector<std::string> out;
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& item : j)
    if (item.is_string()) out.push_back(item.get<std::string>());
  return out;
}

namespace {
Error Typed(ErrorKind kind, std::string detail) {
  Error e;
  e.kind = kind;
  e.detail = std::move(detail);
  return e;
}
}  // namespace

Error NotFoundError(std::string detail) { return Typed(ErrorKind::kNotFound, std::move(detail)); }
Error StaleError(std::string detail) { return Typed(ErrorKind::kPreconditionFailed, std::move(detail)); }
Error ConflictError(std::string detail) { return Typed(ErrorKind::kConflict, std::move(detail)); }
Error MissingReference(std::string field, std::string detail) {
  Error e = Typed(ErrorKind::kInvalid, std::move(detail));
  e.problems.push_back({std::move(field), ""});
  return e;
}

// --- organisations -------------------------------------------------------------

namespace {

Organisation ReadOrganisation(RowReader& r) {
  Organisation o;
  o.id = r.Int();
  o.code = r.Text();
  o.naam = r.Text();
  o.soort = r.Text();
  o.tooi = r.Text();
  o.aangemaakt_op = r.Text();
  return o;
}

}  // namespace

Result<Organisation> SqlOrganisations::Get(const std::string& code) {
  auto o = One(c_, std::string(st::kOrganisationColumns) + st::kWhereOrganisationCode, ReadOrganisation, code);
  if (!o.ok()) return o.error();
  if (!o.value()) return NotFoundError("organisation " + code);
  return std::move(*o.value());
}

Result<Organisation> SqlOrganisations::FindByName(const std::string& naam) {
  auto o = One(c_, std::string(st::kOrganisationColumns) + st::kWhereOrganisationName, ReadOrganisation, naam);
  if (!o.ok()) return o.error();
  if (!o.value()) return NotFoundError("organisation named " + naam);
  return std::move(*o.value());
}

Result<Listing<Organisation>> SqlOrganisations::List(const OrganisationFilter& f, const PageRequest& page) {
  auto where = [&](Composed q) {
    q.Add(" WHERE 1 = 1");
    if (!f.soort.empty()) q.Add(" AND soort = ?", f.soort);
    if (!f.naam.empty()) q.Add(" AND lower(naam) LIKE lower(?) ESCAPE '\\'", LikeContaining(f.naam));
    return q;
  };
  Listing<Organisation> out;
  auto total = Count(c_, where(Composed(st::kCountOrganisations)));
  if (!total.ok()) return total.error();
  out.totaal = total.value();
  Composed q = where(Composed(st::kOrganisationColumns));
  q.Add(st::kOrderOrganisations).Add(" LIMIT ? OFFSET ?", page.pagina_grootte,
                                     static_cast<int64_t>(page.pagina - 1) * page.pagina_grootte);
  auto items = sql::All(c_, q, ReadOrganisation);
  if (!items.ok()) return items.error();
  out.items = std::move(items).value();
  return out;
}

Result<std::vector<Organisation>> SqlOrganisations::All() {
  return sql::All(c_, std::string(st::kOrganisationColumns) + st::kOrderOrganisations, ReadOrganisation);
}

Result<int> SqlOrganisations::AddNew(const std::vector<Organisation>& orgs, TimePoint now) {
  int added = 0;
  std::string stamp = Stamp(now);
  for (const auto& o : orgs) {
    auto n = Exec(c_, st::kInsertOrganisation, o.code, o.naam, o.soort, Param::OrNull(o.tooi), stamp);
    if (!n.ok()) return n.error();
    added += static_cast<int>(n.value());
  }
  return added;
}

Result<int64_t> SqlOrganisations::IdOf(const std::string& code, const std::string& field) {
  auto id = Scalar(c_, st::kOrganisationId, code);
  if (!id.ok()) return id.error();
  if (!id.value()) return MissingReference(field, "organisation " + code);
  return *id.value();
}

// --- innovations -----------------------------------------------------------------

namespace {

// The columns of kInnovationColumns, in order.
Innovation ReadInnovation(RowReader& r) {
  Innovation in;
  in.id = r.Int();
  in.organisatie = r.Text();
  in.organisatie_naam = r.Text();
  in.titel = r.Text();
  in.samenvatting = r.Text();
  in.opgave = r.Text();
  in.urgentie = r.Text();
  in.doel = r.Text();
  in.domein = r.Text();
  in.fase = r.Text();
  in.status = r.Text();
  in.innovatie_type = r.Text();
  in.innovatie_niveau = r.Text();
  if (auto trl = r.OptInt()) in.trl = static_cast<int>(*trl);
  in.analyse_niveau = r.Text();
  in.orientatie = r.Text();
  in.waardecreatie = r.Text();
  in.waardepotentie = r.Text();
  in.start_datum = r.Text();
  in.kosten_extern = r.OptReal();
  in.interne_uren = r.OptReal();
  in.inkoop_route = r.Text();
  in.zichtbaarheid = r.Text();
  in.tags = FromJsonArray(r.View());
  in.technieken = FromJsonArray(r.View());
  in.databronnen = FromJsonArray(r.View());
  in.waarde_soorten = FromJsonArray(r.View());
  in.opgeschaald_naar = FromJsonArray(r.View());
  in.referentie = r.Text();
  if (r.NextIsNull()) {
    r.Skip(5);
  } else {
    Source b;
    b.registry = r.Text();
    b.id = r.Text();
    b.url = r.Text();
    b.status = r.Text();
    b.geregistreerd = r.Text();
    in.bron = std::move(b);
  }
  if (r.NextIsNull()) {
    r.Skip(1);
  } else {
    auto stored = nlohmann::json::parse(r.View(), nullptr, false);
    Publication pub;
    if (!stored.is_discarded()) FromJson(stored, &pub);
    in.publicatie = std::move(pub);
  }
  in.bevestigd_op = r.Text();
  in.herzien_op = r.Text();
  in.versie = r.Int();
  in.aangemaakt_op = r.Text();
  in.gewijzigd_op = r.Text();
  in.aangemaakt_door = r.Int();
  return in;
}

// ?1..?35 of kInsertInnovation and kUpdateInnovation, then now.
std::vector<Param> InnovationParams(const Innovation& in, int64_t org_id, const std::string& now) {
  std::vector<Param> p = {
      org_id,
      in.titel,
      Param::OrNull(in.samenvatting),
      Param::OrNull(in.opgave),
      Param::OrNull(in.urgentie),
      Param::OrNull(in.doel),
      Param::OrNull(in.domein),
      in.fase,
      in.status,
      Param::OrNull(in.innovatie_type),
      Param::OrNull(in.innovatie_niveau),
      in.trl,
      Param::OrNull(in.analyse_niveau),
      Param::OrNull(in.orientatie),
      Param::OrNull(in.waardecreatie),
      Param::OrNull(in.waardepotentie),
      Param::OrNull(in.start_datum),
      in.kosten_extern,
      in.interne_uren,
      Param::OrNull(in.inkoop_route),
      in.zichtbaarheid,
      JsonArray(in.tags),
      JsonArray(in.technieken),
      JsonArray(in.databronnen),
      JsonArray(in.waarde_soorten),
      JsonArray(in.opgeschaald_naar),
      Param::OrNull(in.referentie),
  };
  if (in.bron) {
    for (const std::string* v : {&in.bron->registry, &in.bron->id}) p.emplace_back(*v);
    for (const std::string* v : {&in.bron->url, &in.bron->status, &in.bron->geregistreerd})
      p.push_back(Param::OrNull(*v));
  } else {
    for (int i = 0; i < 5; ++i) p.emplace_back(nullptr);
  }
  if (in.publicatie) {
    p.emplace_back(ToJson(*in.publicatie).dump());
  } else {
    p.emplace_back(nullptr);
  }
  p.push_back(Param::OrNull(in.bevestigd_op));
  p.push_back(Param::OrNull(in.herzien_op));
  p.emplace_back(now);
  return p;
}

// The viewer filter and the listing filters, after " WHERE ".
void Where(Composed* q, const InnovationFilter& f) {
  q->Add(" WHERE ");
  q->Add(st::kVisible, f.viewer.alles, f.viewer.gebruiker_id, f.viewer.gebruiker_id, f.viewer.gebruiker_id,
         f.viewer.gebruiker_id);
  auto add = [&](const char* fragment, const std::string& value) {
    if (!value.empty()) q->Add(fragment, value);
  };
  add(" AND o.code = ?", f.organisatie);
  add(st::kWithPartner, f.partner);
  add(st::kReviewBefore, f.herzien_voor);
  add(" AND i.domein = ?", f.domein);
  add(" AND i.fase = ?", f.fase);
  add(" AND i.status = ?", f.status);
  add(" AND i.innovatie_type = ?", f.innovatie_type);
  add(" AND i.innovatie_niveau = ?", f.innovatie_niveau);
  add(" AND i.analyse_niveau = ?", f.analyse_niveau);
  add(" AND i.zichtbaarheid = ?", f.zichtbaarheid);
  if (f.registry == "-") {
    q->Add(" AND i.bron_register IS NULL");
  } else {
    add(" AND i.bron_register = ?", f.registry);
  }
}

const char* Order(const std::string& sorteer) {
  if (sorteer == "-titel") return st::kOrderTitleDesc;
  if (sorteer == "gewijzigdOp") return st::kOrderChanged;
  if (sorteer == "-gewijzigdOp") return st::kOrderChangedDesc;
  if (sorteer == "id") return st::kOrderId;
  if (sorteer == "-id") return st::kOrderIdDesc;
  if (sorteer == "herzienOp") return st::kOrderReview;
  return st::kOrderTitle;
}

// Large lists of ids go in slices: every engine has a limit on parameters.
constexpr size_t kSlice = 500;

template <class Fn>
Status InSlices(const std::vector<int64_t>& ids, Fn&& fn) {
  for (size_t from = 0; from < ids.size(); from += kSlice) {
    std::vector<int64_t> slice(ids.begin() + from, ids.begin() + std::min(ids.size(), from + kSlice));
    Status s = fn(slice);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace

Status SqlInnovations::LoadChildren(std::vector<Innovation>* items) {
  std::unordered_map<int64_t, Innovation*> by_id;
  std::vector<int64_t> ids;
  for (auto& in : *items) {
    by_id[in.id] = &in;
    ids.push_back(in.id);
  }
  return InSlices(ids, [&](const std::vector<int64_t>& slice) -> Status {
    Composed partners(st::kPartnersOf);
    partners.AddList(slice).Add(st::kPartnersOrder);
    Status s = sql::Each(c_, partners, [&](RowReader& r) {
      Innovation* in = by_id[r.Int()];
      in->partners.push_back(r.Text());
      if (r.Int() != 0) in->partners_met_bewerkrecht.push_back(in->partners.back());
    });
    if (!s.ok()) return s;
    Composed team(st::kTeamOf);
    team.AddList(slice).Add(st::kTeamOrder);
    s = sql::Each(c_, team, [&](RowReader& r) {
      Innovation* in = by_id[r.Int()];
      TeamMember m;
      m.naam = r.Text();
      m.rol = r.Text();
      m.archetypen = FromJsonArray(r.View());
      m.gebruiker = r.Text();
      m.gebruiker_id = r.Int();
      in->team.push_back(std::move(m));
    });
    if (!s.ok()) return s;
    Composed history(st::kPhaseChangesOf);
    history.AddList(slice).Add(st::kPhaseChangesOrder);
    return sql::Each(c_, history, [&](RowReader& r) {
      Innovation* in = by_id[r.Int()];
      PhaseChange p;
      p.fase = r.Text();
      p.status = r.Text();
      p.op = r.Text();
      p.door = r.Text();
      p.reden = r.Text();
      in->fase_historie.push_back(std::move(p));
    });
  });
}

Result<Innovation> SqlInnovations::Get(int64_t id) {
  auto many = GetMany({id});
  if (!many.ok()) return many.error();
  if (many.value().empty()) return NotFoundError("innovation " + std::to_string(id));
  return std::move(many.value().front());
}

Result<std::vector<Innovation>> SqlInnovations::GetMany(const std::vector<int64_t>& ids) {
  std::vector<Innovation> found;
  Status s = InSlices(ids, [&](const std::vector<int64_t>& slice) -> Status {
    Composed q(st::kInnovationColumns);
    q.Add(" WHERE i.id IN ").AddList(slice);
    return sql::Each(c_, q, [&](RowReader& r) { found.push_back(ReadInnovation(r)); });
  });
  if (!s.ok()) return s.error();
  s = LoadChildren(&found);
  if (!s.ok()) return s.error();
  // In the order asked for.
  std::unordered_map<int64_t, size_t> position;
  for (size_t i = 0; i < ids.size(); ++i) position.emplace(ids[i], i);
  std::sort(found.begin(), found.end(),
            [&](const Innovation& a, const Innovation& b) { return position[a.id] < position[b.id]; });
  return found;
}

Result<InnovationHeader> SqlInnovations::Header(int64_t id) {
  auto h = One(c_, st::kInnovationHeader, [](RowReader& r) {
    InnovationHeader h;
    h.id = r.Int();
    h.versie = r.Int();
    h.facts.organisatie = r.Text();
    h.facts.zichtbaarheid = r.Text();
    h.facts.aangemaakt_door = r.Int();
    return h;
  }, id);
  if (!h.ok()) return h.error();
  if (!h.value()) return NotFoundError("innovation " + std::to_string(id));
  InnovationHeader out = std::move(*h.value());
  Composed partners(st::kPartnersOf);
  partners.AddList(std::vector<int64_t>{id}).Add(st::kPartnersOrder);
  Status s = sql::Each(c_, partners, [&](RowReader& r) {
    r.Skip();
    out.facts.partners.push_back(r.Text());
    if (r.Int() != 0) out.facts.partners_met_bewerkrecht.push_back(out.facts.partners.back());
  });
  if (!s.ok()) return s.error();
  s = sql::Each(c_, st::kLinkedTeam, [&](RowReader& r) {
    int64_t user = r.Int();
    out.facts.team.push_back(user);
    if (r.View() == "projectleider") out.facts.projectleiders.push_back(user);
  }, id);
  if (!s.ok()) return s.error();
  return out;
}

Result<Listing<Innovation>> SqlInnovations::List(const InnovationFilter& f, const PageRequest& page) {
  Listing<Innovation> out;
  Composed count(st::kInnovationCount);
  Where(&count, f);
  auto total = sql::Count(c_, count);
  if (!total.ok()) return total.error();
  out.totaal = total.value();
  Composed q(st::kInnovationColumns);
  Where(&q, f);
  q.Add(Order(f.sorteer)).Add(" LIMIT ? OFFSET ?", page.pagina_grootte,
                             static_cast<int64_t>(page.pagina - 1) * page.pagina_grootte);
  auto items = sql::All(c_, q, ReadInnovation);
  if (!items.ok()) return items.error();
  out.items = std::move(items).value();
  return out;
}

Result<std::vector<Innovation>> SqlInnovations::Scan(const InnovationFilter& f, const ScanPosition& after, int limit) {
  Composed q(st::kInnovationColumns);
  Where(&q, f);
  if (after.id > 0) {
    // Row values compare in the order's direction, the same on both engines.
    const std::string& s = f.sorteer;
    if (s == "id") q.Add(" AND i.id > ?", after.id);
    else if (s == "-id") q.Add(" AND i.id < ?", after.id);
    else if (s == "gewijzigdOp") q.Add(" AND (i.gewijzigd_op, i.id) > (?, ?)", after.waarde, after.id);
    else if (s == "-gewijzigdOp") q.Add(" AND (i.gewijzigd_op, i.id) < (?, ?)", after.waarde, after.id);
    else if (s == "-titel") q.Add(" AND (lower(i.titel), i.id) < (lower(?), ?)", after.waarde, after.id);
    else q.Add(" AND (lower(i.titel), i.id) > (lower(?), ?)", after.waarde, after.id);
  }
  q.Add(Order(f.sorteer)).Add(" LIMIT ?", static_cast<int64_t>(limit));
  return sql::All(c_, q, ReadInnovation);
}

Status SqlInnovations::Each(const InnovationFilter& f, const std::function<bool(const Innovation&)>& fn) {

  Composed q(st::kInnovationColumns);
  Where(&q, f);
  q.Add(Order(f.sorteer));
  return sql::Each(c_, q, [&](RowReader& r) { return fn(ReadInnovation(r)); });
}

Result<std::vector<CountRow>> SqlInnovations::Count(const std::string& group_by, const ViewerScope& viewer) {
  std::string column;
  if (group_by == "fase") column = "i.fase";
  if (group_by == "status") column = "i.status";
  if (group_by == "domein") column = "coalesce(i.domein, '')";
  if (column.empty()) return Error{ErrorKind::kInternal, "", {}, 0, "unknown grouping " + group_by};
  Composed q("SELECT " + column + ", count(*) FROM innovatie i WHERE ");
  q.Add(st::kVisible, viewer.alles, viewer.gebruiker_id, viewer.gebruiker_id, viewer.gebruiker_id,
        viewer.gebruiker_id);
  q.Add(" GROUP BY " + column + " ORDER BY " + column);
  return sql::All(c_, q, [](RowReader& r) {
    CountRow row;
    row.sleutel = r.Text();
    row.aantal = r.Int();
    return row;
  });
}

Result<std::vector<int64_t>> SqlInnovations::Ids(int64_t after, int limit) {
  return sql::All(c_, st::kInnovationIds, [](RowReader& r) { return r.Int(); }, after, limit);
}

Result<int64_t> SqlInnovations::FindBySource(const std::string& registry, const std::string& id) {
  auto found = Scalar(c_, st::kWhereSource, registry, id);
  if (!found.ok()) return found.error();
  if (!found.value()) return NotFoundError("source " + registry + " " + id);
  return *found.value();
}

Result<int64_t> SqlInnovations::FindByReference(const std::string& referentie) {
  auto found = Scalar(c_, st::kWhereReference, referentie);
  if (!found.ok()) return found.error();
  if (!found.value()) return NotFoundError("reference " + referentie);
  return *found.value();
}

Status SqlInnovations::WriteChildren(int64_t id, const Innovation& in) {
  for (const char* q : {st::kDeletePartners, st::kDeleteTeam}) {
    auto n = Exec(c_, q, id);
    if (!n.ok()) return n.status();
  }
  for (size_t i = 0; i < in.partners.size(); ++i) {
    auto org = orgs_.IdOf(in.partners[i], "partners[" + std::to_string(i) + "]");
    if (!org.ok()) return org.status();
    const auto& rights = in.partners_met_bewerkrecht;
    int64_t edits = std::find(rights.begin(), rights.end(), in.partners[i]) != rights.end() ? 1 : 0;
    auto n = Exec(c_, st::kInsertPartner, id, org.value(), edits);
    if (!n.ok()) return n.status();
  }
  for (size_t i = 0; i < in.team.size(); ++i) {
    const auto& m = in.team[i];
    auto n = Exec(c_, st::kInsertTeamMember, id, static_cast<int64_t>(i), m.naam, m.rol, JsonArray(m.archetypen),
                  m.gebruiker_id > 0 ? Param(m.gebruiker_id) : Param(nullptr));
    if (!n.ok()) return n.status();
  }
  return Status::Ok();
}

Result<int64_t> SqlInnovations::Create(const Innovation& in, TimePoint now) {
  auto org = orgs_.IdOf(in.organisatie, "organisatie");
  if (!org.ok()) return org.error();
  std::vector<Param> params = InnovationParams(in, org.value(), Stamp(now));
  params.push_back(in.aangemaakt_door > 0 ? Param(in.aangemaakt_door) : Param(nullptr));
  auto id = ScalarWith(c_, st::kInsertInnovation, params);
  if (!id.ok()) return id.error();
  if (!id.value()) return Error{ErrorKind::kInternal, "", {}, 0, "insert returned no id"};
  Status children = WriteChildren(*id.value(), in);
  if (!children.ok()) return children.error();
  return *id.value();
}

Result<int64_t> SqlInnovations::Update(const Innovation& in, int64_t expected_version, TimePoint now) {
  auto org = orgs_.IdOf(in.organisatie, "organisatie");
  if (!org.ok()) return org.error();
  std::vector<Param> params = InnovationParams(in, org.value(), Stamp(now));
  params.emplace_back(in.id);
  params.emplace_back(expected_version);
  auto updated = ScalarWith(c_, st::kUpdateInnovation, params);
  if (!updated.ok()) return updated.error();
  std::optional<int64_t> version = updated.value();
  if (!version) {
    auto current = Scalar(c_, st::kInnovationVersion, in.id);
    if (!current.ok()) return current.error();
    if (!current.value()) return NotFoundError("innovation " + std::to_string(in.id));
    return StaleError("innovation " + std::to_string(in.id) + " is at version " + std::to_string(*current.value()));
  }
  Status children = WriteChildren(in.id, in);
  if (!children.ok()) return children.error();
  return *version;
}

Result<int64_t> SqlInnovations::SetPhase(int64_t id, const std::string& fase, const std::string& status,
                                         TimePoint now) {
  auto version = Scalar(c_, st::kSetPhase, id, fase, status, Stamp(now));
  if (!version.ok()) return version.error();
  if (!version.value()) return NotFoundError("innovation " + std::to_string(id));
  return *version.value();
}

Status SqlInnovations::Delete(int64_t id) {
  auto n = Exec(c_, st::kDeleteInnovation, id);
  if (!n.ok()) return n.status();
  if (n.value() == 0) return NotFoundError("innovation " + std::to_string(id));
  return Status::Ok();
}

Status SqlInnovations::AddPhaseChange(int64_t id, const PhaseChange& p) {
  auto n = Exec(c_, st::kInsertPhaseChange, id, p.fase, p.status, p.op, Param::OrNull(p.door), Param::OrNull(p.reden));
  return n.ok() ? Status::Ok() : n.status();
}

}  // namespace koers::sql
