"""Checks on what a page shows that more than one browser test makes."""


def assert_image_shown(image):
    """Fail unless the <img> located by image has loaded a picture."""
    # decode() settles only once the picture has loaded, and fails if it cannot.
    width = image.evaluate("image => image.decode().then(() => image.naturalWidth)")
    assert width > 0
