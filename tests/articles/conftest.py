from django.test import Client


def client_for(user):
    client = Client()
    client.force_login(user)
    client.user = user
    return client
