"""The app's message handlers, one mixin a pane, found through the app's MRO."""
