from django.urls import path

from pages import views

urlpatterns = [
    path('', views.index, name='index'),
    path('hello/<str:name>/', views.hello, name='hello'),
    path('articles/<int:year>/', views.articles, name='articles'),
    path('contact/', views.contact, name='contact'),
]
