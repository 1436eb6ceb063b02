#include "app/portfolio.hpp"

#include "domain/suppression.hpp"

namespace koers {

Result<Dashboard> Portfolio::DashboardOf(const std::string& code, const Actor& actor) {
  auto org = reg_.GetOrganisation(code);
  if (!org.ok()) return org.error();
  Dashboard d;
  d.organisatie = org.value();
  InnovationFilter filter;
  filter.viewer = ScopeOf(actor);
  filter.organisatie = code;
  struct Read {
    std::vector<Innovation> innovations;
    std::map<int64_t, BusinessCase> cases;
    std::map<int64_t, std::vector<Indicator>> indicators;
    std::map<int64_t, std::vector<Measurement>> latest;
  };
  auto read = store_.Read([&](Work& w) -> Result<Read> {
    Read r;
    Status st = w.innovations().Each(filter, [&](const Innovation& in) {
      r.innovations.push_back(in);
      return true;
    });
    if (!st.ok()) return st.error();
    std::vector<int64_t> ids;
    for (const auto& in : r.innovations) ids.push_back(in.id);
    auto cases = w.steering().GetBusinessCases(ids);
    if (!cases.ok()) return cases.error();
    r.cases = std::move(cases).value();
    auto indicators = w.indicators().ListOf(ids);
    if (!indicators.ok()) return indicators.error();
    r.indicators = std::move(indicators).value();
    std::vector<int64_t> indicator_ids;
    for (const auto& [innovation, list] : r.indicators)
      for (const auto& ind : list) indicator_ids.push_back(ind.id);
    auto latest = w.indicators().LatestMeasurements(indicator_ids);
    if (!latest.ok()) return latest.error();
    r.latest = std::move(latest).value();
    return r;
  });
  if (!read.ok()) return read.error();
  for (const auto& in : read.value().innovations) {
    ++d.per_fase[in.fase];
    if (auto bc = read.value().cases.find(in.id); bc != read.value().cases.end()) {
      BusinessCaseTotals t = Totals(bc->second, uurtarief_);
      d.waarde.kosten_extern += t.kosten_extern;
      d.waarde.interne_uren += t.interne_uren;
      d.waarde.kosten_intern += t.kosten_intern;
      d.waarde.baten_per_jaar += t.baten_per_jaar;
      d.waarde.gerealiseerd_per_jaar += t.gerealiseerd_per_jaar;
      d.iets_gerealiseerd = d.iets_gerealiseerd || t.iets_gerealiseerd;
    }
    auto list = read.value().indicators.find(in.id);
    if (list == read.value().indicators.end()) continue;
    // Raw values for the owner's roles; partners' roles need the partners
    // (the header, cached), anonymous visitors never.
    bool raw = actor.Everything() || actor.HasAnyRole(in.organisatie);
    if (!raw && !actor.rollen.empty()) {
      auto header = reg_.Header(in.id, actor);
      raw = header.ok() && Indicators::SeesRawValues(header.value().facts, actor);
    }
    for (const auto& ind : list->second) {
      LatestValue v;
      v.indicator = ind;
      v.innovatie_titel = in.titel;
      auto cells = read.value().latest.find(ind.id);
      if (cells != read.value().latest.end() && !cells->second.empty()) {
        v.periode = cells->second.front().periode;
        if (ind.gebiedsniveau == "geen") {
          const Measurement& m = cells->second.back();
          bool hidden = !raw && m.aantal && *m.aantal < ind.drempel;
          if (!hidden) v.waarde = m.waarde;
        } else if (ind.optelbaar) {
          // The period's total, shown only when no cell behind it is suppressed.
          double sum = 0;
          bool hidden = false;
          for (const auto& m : cells->second) {
            sum += m.waarde;
            hidden = hidden || (!raw && m.aantal && *m.aantal < ind.drempel);
          }
          if (!hidden) v.waarde = sum;
        }
      }
      d.indicatoren.push_back(std::move(v));
    }
  }
  d.portfolio = std::move(read.value().innovations);
  return d;
}

InnovationPages Portfolio::Innovations(InnovationFilter filter, const Actor& actor, int batch) {
  filter.viewer = ScopeOf(actor);
  return InnovationPages(store_, std::move(filter), batch, uurtarief_);
}

Result<std::vector<InnovationRow>> InnovationPages::Next() {
  if (done_) return std::vector<InnovationRow>{};
  auto page = store_->Read([&](Work& w) -> Result<std::vector<InnovationRow>> {
    auto found = w.innovations().Scan(filter_, after_, batch_);
    if (!found.ok()) return found.error();
    std::vector<int64_t> ids;
    for (const auto& in : found.value()) ids.push_back(in.id);
    auto cases = w.steering().GetBusinessCases(ids);
    if (!cases.ok()) return cases.error();
    std::vector<InnovationRow> rows;
    rows.reserve(found.value().size());
    for (auto& in : found.value()) {
      InnovationRow row{std::move(in), std::nullopt, std::nullopt};
      if (auto bc = cases.value().find(row.innovatie.id); bc != cases.value().end()) {
        BusinessCaseTotals t = Totals(bc->second, uurtarief_);
        if (!bc->second.baten.empty()) row.baten_geschat_per_jaar = t.baten_per_jaar;
        if (t.iets_gerealiseerd) row.baten_gerealiseerd_per_jaar = t.gerealiseerd_per_jaar;
      }
      rows.push_back(std::move(row));
    }
    return rows;
  });
  if (!page.ok()) return page.error();
  if (static_cast<int>(page.value().size()) < batch_) done_ = true;
  if (!page.value().empty()) after_ = PositionAfter(page.value().back().innovatie, filter_.sorteer);
  return page;
}

}  // namespace koers
