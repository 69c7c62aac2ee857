"""The map renderer on geography alone: reach, distances, labels, size, determinism."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from generator.geo.geodesy import Origin, border, distances_km, reach_area
from generator.geo.world import world
from generator.render.mapextent import ReachSpec, Spot
from generator.render.maps import distance_text, draw

KM_190_MILES = 190 * 1.609344
KURSK = Spot("Kursk region", 36.1, 51.6, "RU", "places/kursk-region.md")
KYIV = Spot("Kyiv", 30.52, 50.45, "UA", "places/kyiv.md")
WASHINGTON = Spot("Washington", -77.04, 38.9, "US", "places/washington.md")


@pytest.fixture(scope="module")
def from_ukraine() -> ReachSpec:
    ua, ru = world().country("UA"), world().country("RU")
    assert ua is not None and ru is not None
    origin = Origin("Ukraine's border with Russia", border(ua.shape, ru.shape))
    return ReachSpec("ATACMS", KM_190_MILES, "up to 190 miles (306 km)", origin, "UA", "RU",
                     "Russia")


def test_distances_are_geodesic_to_the_nearest_point_of_the_border(from_ukraine):
    moscow, kursk = (37.618, 55.752), (36.185, 51.727)
    km = distances_km(from_ukraine.origin, np.array([moscow[0], kursk[0]]),
                      np.array([moscow[1], kursk[1]]))
    assert 440 < km[0] < 470          # Moscow: beyond a 306 km reach
    assert 85 < km[1] < 110           # Kursk: well within it
    coarse = distances_km(from_ukraine.origin, np.array([moscow[0]]),
                          np.array([moscow[1]]), coarse=True)
    assert abs(coarse[0] - km[0]) < 1


def test_the_reach_is_the_target_country_within_range_of_the_border(from_ukraine):
    ru = world().country("RU").shape
    area = reach_area(from_ukraine.origin, KM_190_MILES, ru)
    assert area.area > 0 and ru.buffer(1e-6).contains(area)
    edge = shapely.get_coordinates(area.exterior if area.geom_type == "Polygon"
                                   else max(area.geoms, key=lambda g: g.area).exterior)
    km = distances_km(from_ukraine.origin, edge[::7, 0], edge[::7, 1], coarse=True)
    assert km.max() <= KM_190_MILES + 1
    assert not area.contains(shapely.Point(37.618, 55.752))       # Moscow
    assert area.contains(shapely.Point(36.185, 51.727))           # Kursk


def test_the_map_lists_who_is_within_reach_in_both_units(from_ukraine):
    view = draw(world(), [KURSK, KYIV, WASHINGTON], [from_ukraine])
    rows = {r.name: r for r in view.reaches[0].rows}
    assert rows["Kursk region"].within and not rows["Kursk region"].context
    assert rows["Kursk region"].distance == "about 85 km (50 miles)"
    assert not rows["Moscow"].within and rows["Moscow"].context
    assert rows["Moscow"].distance == "about 460 km (280 miles)"
    assert "Kyiv" not in rows                    # in Ukraine: not a target
    assert view.off_map == ["Washington"]        # too far from the reach to draw
    assert {m.name for m in view.markers} >= {"Kursk region", "Kyiv", "Moscow"}
    assert view.scale.km_label.endswith(" km") and view.scale.mi_label.endswith(" miles")
    assert view.disputed == ["Crimea"]


def test_distances_are_rounded_as_the_site_writes_them():
    assert distance_text(457.1) == "about 460 km (280 miles)"
    assert distance_text(97.6) == "about 100 km (60 miles)"
    assert distance_text(85.2) == "about 85 km (55 miles)"
    assert distance_text(12.4) == "about 12 km (8 miles)"
    assert distance_text(7_712) == "about 7,700 km (4,800 miles)"


def test_labels_never_overlap(from_ukraine):
    view = draw(world(), [KURSK, KYIV], [from_ukraine])
    boxes = [(m.label_x - (len(m.name) * 7.5 if m.anchor == "end" else 0), m.label_y,
              m.name) for m in view.markers]
    for i, (x1, y1, a) in enumerate(boxes):
        for x2, y2, b in boxes[i + 1:]:
            assert abs(y1 - y2) >= 10 or abs(x1 - x2) >= 30, (a, b)


def test_a_reach_from_a_place_is_clipped_to_land():
    origin = Origin("Kyiv", shapely.Point(30.52, 50.45))
    reach = ReachSpec("Test", 500, "500 km", origin, None, None, None)
    view = draw(world(), [KYIV], [reach])
    assert view.reaches[0].path and not view.reaches[0].origin_path
    names = {r.name for r in view.reaches[0].rows}
    assert "Kyiv" in names and {r.name for r in view.reaches[0].rows if r.context}


def test_far_apart_places_make_a_world_map():
    view = draw(world(), [KYIV, WASHINGTON], far_km=None)
    assert view.scale is None                      # Equal Earth: no single scale
    assert {m.name for m in view.markers if m.required} == {"Kyiv", "Washington"}


def test_maps_are_deterministic_and_small(from_ukraine):
    first = draw(world(), [KURSK, KYIV], [from_ukraine])
    again = draw(world(), [KURSK, KYIV], [from_ukraine])
    assert first == again
    size = sum(len(s.path) for s in first.shapes) + len(first.reaches[0].path)
    assert size < 25_000
