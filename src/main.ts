import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { createPageI18n } from './i18n/app'

createApp(App).use(createPinia()).use(createPageI18n()).mount('#app')
