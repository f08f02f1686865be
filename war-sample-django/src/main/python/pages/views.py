import platform
import sys

import django
from django.shortcuts import render

from pages.forms import ContactForm


def index(request):
    return render(request, 'pages/index.html', {
        'python': f'{sys.implementation.name} {platform.python_version()}',
        'django': django.get_version(),
    })


def hello(request, name):
    return render(request, 'pages/hello.html', {'name': name})


def articles(request, year):
    return render(request, 'pages/articles.html', {'year': year, 'next_year': year + 1})


def contact(request):
    # CsrfViewMiddleware has already refused (403) any POST without a valid token.
    if request.method == 'POST':
        form = ContactForm(request.POST)
        if form.is_valid():
            return render(request, 'pages/thanks.html', form.cleaned_data)
    else:
        form = ContactForm()
    return render(request, 'pages/contact.html', {'form': form})
