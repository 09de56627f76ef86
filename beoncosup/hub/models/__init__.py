from beoncosup.hub.models.pages import ArticlePage, ArticleSource, HubHomePage, TopicPage

__all__ = ["ArticlePage", "ArticleSource", "HubHomePage", "TopicPage"]
