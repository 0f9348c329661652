"""The static files storage of production (newsroom/staticfiles.py)."""

import json

import pytest

from newsroom.staticfiles import StaticFilesStorage


@pytest.fixture
def storage(tmp_path, settings):
    settings.DEBUG = False
    (tmp_path / "staticfiles.json").write_text(
        json.dumps(
            {
                "version": "1.1",
                "hash": "0123456789ab",
                "paths": {
                    "newsroom/css/site.css": "newsroom/css/site.4f2c1a9b0d3e.css"
                },
            }
        )
    )
    return StaticFilesStorage(location=tmp_path, base_url="/static/")


def test_a_static_address_names_the_collected_files_hash_on_every_call(storage):
    addresses = {storage.url("newsroom/css/site.css") for _ in range(3)}

    assert addresses == {"/static/newsroom/css/site.4f2c1a9b0d3e.css"}


def test_a_file_collectstatic_did_not_collect_is_an_error_every_time(storage):
    for _ in range(2):
        with pytest.raises(ValueError, match="newsroom/css/missing.css"):
            storage.url("newsroom/css/missing.css")
