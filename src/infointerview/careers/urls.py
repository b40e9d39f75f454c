app_name = "careers"
urlpatterns: list = []
